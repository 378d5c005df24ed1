using System.Reflection;
using FastEndpoints;

namespace Adas.Api.Features.Meta.Info;

public sealed record Response(string Name, string Version, string Environment);

/// <summary>What is running here: lets clients and the launcher check they reached this API.</summary>
public sealed class Endpoint(IHostEnvironment environment) : EndpointWithoutRequest<Response>
{
    public override void Configure()
    {
        Get("/system/info");
        AllowAnonymous();
        Summary(s => s.Summary = "Name, version and environment of this API");
    }

    public override Task HandleAsync(CancellationToken ct) =>
        Send.OkAsync(new Response("adas-api",
            typeof(Endpoint).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0",
            environment.EnvironmentName), ct);
}
