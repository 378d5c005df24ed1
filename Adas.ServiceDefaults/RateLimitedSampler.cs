using OpenTelemetry.Trace;

namespace Adas.ServiceDefaults;

/// <summary>
/// Records at most <c>tracesPerSecond</c> new traces a second (a token bucket holding one second's worth), so a
/// person clicking through the app sees every request traced while a burst of polling cannot flood the exporter:
/// at 500 requests/s, sending every span to the Aspire dashboard cost that process about 0.8 ms of CPU per request,
/// four times the request itself, on the same two cores. Wrap it in a <see cref="ParentBasedSampler"/> so the spans
/// of a recorded trace are all kept.
/// </summary>
public sealed class RateLimitedSampler : Sampler
{
    private readonly double _perSecond;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private double _tokens;
    private long _refilledAt;

    public RateLimitedSampler(double tracesPerSecond, TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tracesPerSecond);
        _perSecond = tracesPerSecond;
        _time = time ?? TimeProvider.System;
        _tokens = tracesPerSecond;
        _refilledAt = _time.GetTimestamp();
        Description = $"RateLimitedSampler{{{tracesPerSecond}/s}}";
    }

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters)
    {
        lock (_lock)
        {
            var now = _time.GetTimestamp();
            _tokens = Math.Min(_perSecond, _tokens + _time.GetElapsedTime(_refilledAt, now).TotalSeconds * _perSecond);
            _refilledAt = now;
            if (_tokens < 1) return new SamplingResult(SamplingDecision.Drop);
            _tokens -= 1;
            return new SamplingResult(SamplingDecision.RecordAndSample);
        }
    }
}
