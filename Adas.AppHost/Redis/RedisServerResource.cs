using Aspire.Hosting.ApplicationModel;

namespace Adas.AppHost.Redis;

/// <summary>
/// Debian's redis-server run as an executable (no container engine here): loopback only, a generated
/// password, AOF persistence in the data folder, on a port the orchestrator picks.
/// </summary>
public sealed class RedisServerResource(string name, string command, string dataDirectory, string password)
    : ExecutableResource(name, command, dataDirectory), IResourceWithConnectionString
{
    public const string EndpointName = "tcp";

    public string Password { get; } = password;

    public EndpointReference Endpoint => field ??= new EndpointReference(this, EndpointName);

    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"127.0.0.1:{Endpoint.Property(EndpointProperty.TargetPort)},password={Password}");
}
