using System.Diagnostics;
using Adas.Data.Telemetry;
using StackExchange.Redis;

namespace Adas.Data.Queue;

/// <summary>
/// The job queue on a Redis Stream (<c>adas:jobs</c>, consumer group <c>workers</c>), plus the delayed-retry set,
/// the wake-up, progress, alert and cancel channels. Enqueueing is shared by the API, the worker and the reconciler.
/// </summary>
public sealed class JobQueue(IConnectionMultiplexer redis)
{
    public const string StreamKey = "adas:jobs";
    public const string GroupName = "workers";
    public const string DelayedKey = "adas:jobs:delayed";
    public const string JobIdField = "jobId";
    public static readonly RedisChannel WakeChannel = RedisChannel.Literal("adas:jobs:wake");
    public static readonly RedisChannel ProgressChannel = RedisChannel.Literal("adas:jobs:progress");
    public static readonly RedisChannel CancelChannel = RedisChannel.Literal("adas:jobs:cancel");
    /// <summary>The id of each new alert, for the API to push to the live sockets that may see it.</summary>
    public static readonly RedisChannel AlertChannel = RedisChannel.Literal("adas:alerts");
    /// <summary>Event ids (comma-separated) whose review just changed, for live inboxes.</summary>
    public static readonly RedisChannel ReviewChannel = RedisChannel.Literal("adas:reviews");

    private IDatabase Db => redis.GetDatabase();

    /// <summary>False while the connection to Redis is down (it reconnects by itself).</summary>
    public bool IsReachable => redis.IsConnected;

    public async Task EnsureGroupAsync()
    {
        try
        {
            await Db.StreamCreateConsumerGroupAsync(StreamKey, GroupName, StreamPosition.NewMessages, createStream: true);
        }
        catch (RedisServerException ex) when (ex.Message.StartsWith("BUSYGROUP"))
        {
        }
    }

    /// <summary>Puts the job on the stream with the current trace context, so its processing joins the caller's trace.</summary>
    public async Task EnqueueAsync(Guid jobId)
    {
        using var activity = JobTelemetry.ActivitySource.StartActivity("enqueue job", ActivityKind.Producer);
        activity?.SetTag("adas.job.id", jobId.ToString());
        NameValueEntry[] fields = Activity.Current is { } current
            ? [new(JobIdField, jobId.ToString()), new(JobTelemetry.TraceParentField, current.Id), new(JobTelemetry.TraceStateField, current.TraceStateString ?? "")]
            : [new(JobIdField, jobId.ToString())];
        await Db.StreamAddAsync(StreamKey, fields);
        await redis.GetSubscriber().PublishAsync(WakeChannel, jobId.ToString());
    }

    /// <summary>Schedules a retry: the job is moved back onto the stream once <paramref name="delay"/> has passed.</summary>
    public Task ScheduleRetryAsync(Guid jobId, TimeSpan delay) =>
        Db.SortedSetAddAsync(DelayedKey, jobId.ToString(), DateTimeOffset.UtcNow.Add(delay).ToUnixTimeMilliseconds());

    /// <summary>Moves due delayed retries onto the stream.</summary>
    public async Task<int> PromoteDueRetriesAsync()
    {
        var due = await Db.SortedSetRangeByScoreAsync(DelayedKey, stop: DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        var moved = 0;
        foreach (var member in due)
        {
            // Only the caller that removes the entry enqueues it, so concurrent workers never double it.
            if (!await Db.SortedSetRemoveAsync(DelayedKey, member)) continue;
            await EnqueueAsync(Guid.Parse(member.ToString()));
            moved++;
        }
        return moved;
    }

    /// <summary>Job ids that have an entry on the stream or in the retry set (the reconciler's view of Redis).</summary>
    public async Task<HashSet<Guid>> KnownJobIdsAsync()
    {
        var ids = new HashSet<Guid>();
        foreach (var entry in await Db.StreamRangeAsync(StreamKey))
            if (Guid.TryParse(entry[JobIdField].ToString(), out var id)) ids.Add(id);
        foreach (var member in await Db.SortedSetRangeByRankAsync(DelayedKey))
            if (Guid.TryParse(member.ToString(), out var id)) ids.Add(id);
        return ids;
    }

    /// <summary>The trace context the message was enqueued under, if any.</summary>
    public static ActivityContext ParentContext(StreamEntry entry) =>
        entry[JobTelemetry.TraceParentField] is { IsNullOrEmpty: false } parent
        && ActivityContext.TryParse(parent.ToString(), entry[JobTelemetry.TraceStateField].ToString(), out var context)
            ? context
            : default;

    public async Task AcknowledgeAsync(RedisValue messageId)
    {
        await Db.StreamAcknowledgeAsync(StreamKey, GroupName, messageId);
        await Db.StreamDeleteAsync(StreamKey, [messageId]);
    }

    /// <summary>Best effort, like pub/sub itself: a live client that misses one reads the job again; the job must not fail for it.</summary>
    public Task PublishProgressAsync(JobProgress progress) =>
        TryPublishAsync(ProgressChannel, System.Text.Json.JsonSerializer.Serialize(progress, JobProgress.JsonOptions));

    /// <summary>Best effort: the alert is in the database either way.</summary>
    public Task PublishAlertAsync(Guid alertId) => TryPublishAsync(AlertChannel, alertId.ToString());

    private async Task TryPublishAsync(RedisChannel channel, string message)
    {
        try
        {
            await redis.GetSubscriber().PublishAsync(channel, message);
        }
        catch (Exception ex) when (ex is RedisConnectionException or RedisTimeoutException)
        {
        }
    }

    public Task PublishReviewAsync(IEnumerable<Guid> eventIds) => redis.GetSubscriber().PublishAsync(ReviewChannel, string.Join(',', eventIds));

    public Task PublishCancelAsync(Guid jobId) => redis.GetSubscriber().PublishAsync(CancelChannel, jobId.ToString());
}
