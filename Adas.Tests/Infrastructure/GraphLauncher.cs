using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Adas.Tests.Infrastructure;

/// <summary>Starts the real AppHost (Aspire's testing builder): redis-server, migrations, api and worker, with the test's settings.</summary>
public static class GraphLauncher
{
    public const string AdminEmail = "admin@tests.local";
    public const string AdminPassword = "Tests-Admin-Passw0rd!";

    public static GraphOptions DefaultOptions() => new GraphOptions()
        .With("ADAS_ADMIN_EMAIL", AdminEmail)
        .With("ADAS_ADMIN_PASSWORD", AdminPassword)
        // Only the shared graph of the job and web tests runs the web dashboard (GraphFixture); the launch, failure
        // and takeover tests leave it out (with the api failing, a web waiting for it held the AppHost's stop).
        .With("ADAS_WEB", "false")
        // The testing builder runs no dashboard, yet points the services' OTLP exporter at it; exporting into
        // nothing (with retries) holds a stopping service past DCP's stop timeout.
        .With("ServiceConfiguration:OTEL_EXPORTER_OTLP_ENDPOINT", "");

    /// <summary>Starts the graph; the resources then come up in their order (use <see cref="RunningGraph.WaitUntilReadyAsync"/>).</summary>
    public static async Task<RunningGraph> StartAsync(GraphOptions options, CancellationToken cancellationToken)
    {
        var logs = new CapturingLogSink();
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Adas_AppHost>(options.ToArguments(),
            (app, host) =>
            {
                app.DisableDashboard = true;
                host.EnvironmentName = options.EnvironmentName;
            }, cancellationToken);
        // The services' output goes to the test's log sink (shown when a test fails), not to the test runner's console.
        builder.Services.AddLogging(logging => logging.ClearProviders().AddProvider(logs)
            .AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None)
            .AddFilter("System.Net.Http", LogLevel.Warning));
        var app = await builder.BuildAsync(cancellationToken);
        var graph = new RunningGraph(app, options, logs);
        try
        {
            await app.StartAsync(cancellationToken);
            return graph;
        }
        catch
        {
            await graph.DisposeAsync();
            throw;
        }
    }
}
