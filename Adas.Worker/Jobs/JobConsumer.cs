using System.Diagnostics;
using Adas.Data.Queue;
using Adas.Data.Telemetry;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Adas.Worker.Jobs;

/// <summary>
/// Reads the job stream as a member of the consumer group: first takes over messages a crashed worker left
/// idle (XAUTOCLAIM), then new ones (XREADGROUP); keeps the current message's idle time fresh while working,
/// and acknowledges it once the job has a final state.
/// </summary>
public sealed class JobConsumer(IConnectionMultiplexer redis, JobQueue queue, JobProcessor processor, RunningJobs running,
    IOptions<JobOptions> options, ILogger<JobConsumer> logger) : BackgroundService
{
    private readonly string _consumer = $"worker-{Environment.MachineName}-{Environment.ProcessId}";
    private readonly SemaphoreSlim _wake = new(0);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var subscriber = redis.GetSubscriber();
        await subscriber.SubscribeAsync(JobQueue.WakeChannel, (_, _) => _wake.Release());
        await subscriber.SubscribeAsync(JobQueue.CancelChannel, (_, message) =>
        {
            if (Guid.TryParse(message.ToString(), out var jobId)) running.Cancel(jobId);
        });

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await queue.PromoteDueRetriesAsync();
                var (entry, takenOver) = await NextAsync();
                if (entry is { } message) await HandleAsync(message, takenOver, stoppingToken);
                else await _wake.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
            }
            catch (RedisServerException ex) when (ex.Message.StartsWith("NOGROUP"))
            {
                logger.LogWarning("The job stream or its consumer group is gone (Redis restarted or wiped); recreating it");
                await queue.EnsureGroupAsync();
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                logger.LogWarning("Redis is unavailable ({Reason}); retrying", ex.Message);
                await Task.Delay(options.Value.PollInterval, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // Never let one message stop the consumer: an unacknowledged message is taken over again
                // after the idle timeout, and the attempt count bounds how often.
                logger.LogError(ex, "Handling a queue message failed; the worker carries on");
                await Task.Delay(options.Value.PollInterval, stoppingToken);
            }
        }
    }

    private async Task<(StreamEntry? Entry, bool TakenOver)> NextAsync()
    {
        var db = redis.GetDatabase();
        var idle = (long)options.Value.ClaimIdleTimeout.TotalMilliseconds;
        var claimed = await db.StreamAutoClaimAsync(JobQueue.StreamKey, JobQueue.GroupName, _consumer, idle, "0-0", count: 1);
        if (claimed.ClaimedEntries is [var orphan, ..])
        {
            logger.LogWarning("Taking over message {MessageId} left idle by a stopped worker", orphan.Id);
            return (orphan, true);
        }
        var fresh = await db.StreamReadGroupAsync(JobQueue.StreamKey, JobQueue.GroupName, _consumer, StreamPosition.NewMessages, count: 1);
        return fresh is [var entry, ..] ? (entry, false) : (null, false);
    }

    private async Task HandleAsync(StreamEntry entry, bool takenOver, CancellationToken stoppingToken)
    {
        if (!Guid.TryParse(entry[JobQueue.JobIdField].ToString(), out var jobId))
        {
            logger.LogWarning("Dropping malformed queue message {MessageId}", entry.Id);
            await queue.AcknowledgeAsync(entry.Id);
            return;
        }

        using var activity = JobTelemetry.ActivitySource.StartActivity("process job", ActivityKind.Consumer, JobQueue.ParentContext(entry));
        activity?.SetTag("adas.job.id", jobId.ToString());
        activity?.SetTag("adas.job.taken_over", takenOver);
        logger.LogInformation("Processing job {JobId} in trace {TraceId}", jobId, activity?.TraceId.ToString() ?? "(none)");
        var cancellation = running.Start(jobId);
        using var heartbeatStop = new CancellationTokenSource();
        var heartbeat = KeepClaimedAsync(entry.Id, heartbeatStop.Token);
        JobOutcome outcome;
        try
        {
            outcome = await processor.ProcessAsync(jobId, takenOver, cancellation.Token, stoppingToken);
        }
        finally
        {
            await heartbeatStop.CancelAsync();
            await heartbeat;
            running.Finish(jobId);
        }

        activity?.SetTag("adas.job.outcome", outcome.ToString());
        if (outcome == JobOutcome.Released) await queue.EnqueueAsync(jobId);
        await queue.AcknowledgeAsync(entry.Id);
    }

    /// <summary>Resets the message's idle time while the job runs, so only a dead worker's message is taken over.</summary>
    private async Task KeepClaimedAsync(RedisValue messageId, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(options.Value.ClaimIdleTimeout / 4);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                try
                {
                    await redis.GetDatabase().StreamClaimIdsOnlyAsync(JobQueue.StreamKey, JobQueue.GroupName, _consumer, 0, [messageId]);
                }
                catch (RedisException ex)
                {
                    logger.LogWarning("Could not refresh the claim on {MessageId}: {Reason}", messageId, ex.Message);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }
}
