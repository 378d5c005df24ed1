using Adas.ServiceDefaults;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Adas.AppHost;

/// <summary>
/// Tells the console what the dashboard shows: each resource's state, the API's address once it is
/// healthy, and why a resource failed (its last log lines), so a bad configuration never looks like a hang.
/// </summary>
public sealed class ResourceStateReporter(ResourceNotificationService notifications, ResourceLoggerService resourceLogs,
    ILogger<ResourceStateReporter> logger) : BackgroundService
{
    private const int FailureLogLines = 15;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reported = new Dictionary<string, string>();
        try
        {
            await foreach (var change in notifications.WatchAsync(stoppingToken))
            {
                var snapshot = change.Snapshot;
                var state = snapshot.State?.Text;
                if (string.IsNullOrEmpty(state) || snapshot.IsHidden || change.Resource is ParameterResource) continue;
                var summary = $"{state}{(snapshot.HealthStatus is { } health && state == KnownResourceStates.Running ? $" ({health})" : "")}";
                if (reported.GetValueOrDefault(change.ResourceId) == summary) continue;
                reported[change.ResourceId] = summary;

                if (IsFailure(snapshot))
                    logger.LogError("{Resource} failed ({State}, exit code {ExitCode}):{NewLine}{Output}", change.ResourceId, state,
                        snapshot.ExitCode, Environment.NewLine, await LastLinesAsync(change.ResourceId, stoppingToken));
                else
                    logger.LogInformation("{Resource}: {State}", change.ResourceId, summary);

                if (change.Resource.Name == ResourceNames.Api && summary.EndsWith("(Healthy)"))
                    foreach (var url in snapshot.Urls.Where(u => !u.IsInternal))
                        logger.LogInformation("API ready at {Url} (interactive docs at {Url}/docs)", url.Url, url.Url);
                if (change.Resource.Name == ResourceNames.Web && summary.EndsWith("(Healthy)"))
                    foreach (var url in snapshot.Urls.Where(u => !u.IsInternal))
                        logger.LogInformation("Web dashboard ready at {Url}", url.Url);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private static bool IsFailure(CustomResourceSnapshot snapshot) =>
        snapshot.State?.Text == KnownResourceStates.FailedToStart
        || (snapshot.State?.Text is { } state && KnownResourceStates.TerminalStates.Contains(state) && snapshot.ExitCode is { } code && code != 0);

    private static bool IsStackFrame(string line) =>
        line.TrimStart() is var text && (text.StartsWith("at ", StringComparison.Ordinal) || text.StartsWith("--- End of", StringComparison.Ordinal));

    private async Task<string> LastLinesAsync(string resourceId, CancellationToken cancellationToken)
    {
        var lines = new Queue<string>();
        await foreach (var batch in resourceLogs.GetAllAsync(resourceId).WithCancellation(cancellationToken))
            foreach (var line in batch.Where(l => !IsStackFrame(l.Content)))
            {
                lines.Enqueue("    " + line.Content);
                if (lines.Count > FailureLogLines) lines.Dequeue();
            }
        return string.Join(Environment.NewLine, lines);
    }
}

