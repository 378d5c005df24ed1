using System.Diagnostics.Metrics;
using Adas.Data.Queue;
using StackExchange.Redis;

namespace Adas.Data.Telemetry;

/// <summary>
/// The job stream's backlog (entries not yet delivered to the consumer group) and pending entries (delivered,
/// not acknowledged), read from Redis when the meter is collected. Acknowledged entries are deleted from the
/// stream, so its length is backlog plus pending.
/// </summary>
public sealed class QueueGauges
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(2);
    private readonly IConnectionMultiplexer _redis;
    private readonly Lock _gate = new();
    private (long Backlog, long Pending, DateTime ReadAt)? _last;

    public QueueGauges(IMeterFactory meters, IConnectionMultiplexer redis)
    {
        _redis = redis;
        var meter = meters.Create(JobTelemetry.Name);
        meter.CreateObservableGauge("adas.queue.backlog", () => Read()?.Backlog ?? [], "{job}", "Job stream entries not yet delivered to a worker");
        meter.CreateObservableGauge("adas.queue.pending", () => Read()?.Pending ?? [], "{job}", "Job stream entries a worker holds and has not acknowledged");
    }

    private (Measurement<long>[] Backlog, Measurement<long>[] Pending)? Read()
    {
        lock (_gate)
        {
            if (_last is not { } last || DateTime.UtcNow - last.ReadAt > MaxAge)
            {
                try
                {
                    var db = _redis.GetDatabase();
                    var length = db.StreamLength(JobQueue.StreamKey);
                    var pending = length == 0 ? 0 : db.StreamPending(JobQueue.StreamKey, JobQueue.GroupName).PendingMessageCount;
                    _last = (Math.Max(0, length - pending), pending, DateTime.UtcNow);
                }
                catch (Exception ex) when (ex is RedisException or TimeoutException)
                {
                    return null;
                }
            }
            return ([new Measurement<long>(_last.Value.Backlog)], [new Measurement<long>(_last.Value.Pending)]);
        }
    }
}
