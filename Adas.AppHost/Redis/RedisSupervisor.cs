using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Adas.AppHost.Redis;

/// <summary>
/// Starts the embedded redis-server again when it dies (a crash, an OOM kill, kill -9: a non-zero exit), with backoff;
/// it comes back on the same port with its append-only file, and the services reconnect by themselves. A stop asked
/// for (the dashboard's Stop, exit 0) is left alone.
/// </summary>
public sealed class RedisSupervisor(RedisServerResource redis, ResourceNotificationService notifications,
    ResourceCommandService commands, ILogger<RedisSupervisor> logger) : BackgroundService
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lastState = new Dictionary<string, string?>();
        var restarts = 0;
        try
        {
            await foreach (var change in notifications.WatchAsync(stoppingToken))
            {
                if (!ReferenceEquals(change.Resource, redis)) continue;
                var state = change.Snapshot.State?.Text;
                var wasTerminal = lastState.GetValueOrDefault(change.ResourceId) is { } previous && KnownResourceStates.TerminalStates.Contains(previous);
                lastState[change.ResourceId] = state;
                if (state == KnownResourceStates.Running && change.Snapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy)
                    restarts = 0;
                if (state is null || !KnownResourceStates.TerminalStates.Contains(state) || wasTerminal) continue;
                if (change.Snapshot.ExitCode is null or 0) continue;

                restarts++;
                var delay = TimeSpan.FromSeconds(Math.Min(MaxDelay.TotalSeconds, Math.Pow(2, restarts - 1)));
                logger.LogWarning("redis-server died (exit code {ExitCode}); starting it again in {Delay:0.#} s (restart {Restart}), with its append-only file",
                    change.Snapshot.ExitCode, delay.TotalSeconds, restarts);
                await Task.Delay(delay, stoppingToken);
                var result = await commands.ExecuteCommandAsync(change.ResourceId, KnownResourceCommands.StartCommand, stoppingToken);
                if (!result.Success) logger.LogError("Starting redis-server again failed: {Reason}", result.Message);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
