using Adas.AppHost;
using Adas.AppHost.Hosting;

namespace Adas.Tests.Infrastructure;

/// <summary>
/// Starts the real graph (child redis-server, migrations, api, worker) through the launcher's own topology,
/// in a fresh data folder and on free ports, the way Aspire's testing builder runs the real AppHost.
/// </summary>
public static class GraphLauncher
{
    public const string AdminEmail = "admin@tests.local";
    public const string AdminPassword = "Tests-Admin-Passw0rd!";

    public static LaunchOptions DefaultOptions(CapturingLogSink logs) => new()
    {
        RepositoryRoot = TestPaths.RepositoryRoot,
        DataDirectory = TestPaths.NewTempDirectory("adas-graph"),
        Configuration = RepositoryLocator.BuildConfiguration(typeof(AdasTopology).Assembly),
        ApiPort = 0,
        Environment = "Development",
        HealthTimeout = TimeSpan.FromSeconds(90),
        Logs = logs,
        ExtraEnvironment = new Dictionary<string, string>
        {
            ["ADAS_ADMIN_EMAIL"] = AdminEmail,
            ["ADAS_ADMIN_PASSWORD"] = AdminPassword,
        },
    };

    public static async Task<AdasTopology> StartAsync(LaunchOptions options, CancellationToken cancellationToken)
    {
        var topology = AdasTopology.Build(options);
        try
        {
            await topology.StartAsync(cancellationToken);
            return topology;
        }
        catch
        {
            await topology.DisposeAsync();
            throw;
        }
    }
}
