using System.Reflection;
using FastEndpoints;

namespace Adas.Api.Features.Meta.Info;

/// <summary>The environment name only for signed-in callers: anonymous callers learn nothing about the deployment.</summary>
public sealed record Response(string Name, string Version, string? Environment);

/// <summary>What is running here: lets clients and the launcher check they reached this API.</summary>
public sealed class Endpoint(IHostEnvironment environment) : EndpointWithoutRequest<Response>
{
    public override void Configure()
    {
        Get("/system/info");
        AllowAnonymous();
        Summary(s => s.Summary = "Name and version of this API (and its environment, for signed-in callers)");
    }

    public override Task HandleAsync(CancellationToken ct) =>
        Send.OkAsync(new Response("adas-api",
            typeof(Endpoint).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0",
            User.Identity?.IsAuthenticated == true ? environment.EnvironmentName : null), ct);
}
