using System.Diagnostics;
using Adas.ServiceDefaults;
using HostingDefaults = Microsoft.Extensions.Hosting.Extensions;
using OpenTelemetry.Trace;

namespace Adas.Tests.Api.Telemetry;

public sealed class RateLimitedSamplerTests
{
    private sealed class ManualClock : TimeProvider
    {
        public long Ticks { get; set; }
        public override long TimestampFrequency => TimeSpan.TicksPerSecond;
        public override long GetTimestamp() => Ticks;
        public void Advance(double seconds) => Ticks += (long)(seconds * TimeSpan.TicksPerSecond);
    }

    private static SamplingParameters NewTrace() => new(default, ActivityTraceId.CreateRandom(), "GET /api/jobs/{id}", ActivityKind.Server);

    private static int Sampled(Sampler sampler, int traces, Func<SamplingParameters>? parameters = null) =>
        Enumerable.Range(0, traces).Count(_ => sampler.ShouldSample(parameters?.Invoke() ?? NewTrace()).Decision == SamplingDecision.RecordAndSample);

    [Fact]
    public void A_burst_records_one_seconds_worth_and_the_rest_refills_with_time()
    {
        var clock = new ManualClock();
        var sampler = new RateLimitedSampler(5, clock);

        Assert.Equal(5, Sampled(sampler, 100));
        clock.Advance(0.4);
        Assert.Equal(2, Sampled(sampler, 100));
        clock.Advance(60);
        Assert.Equal(5, Sampled(sampler, 100)); // never more than a second's worth saved up
    }

    [Fact]
    public void Traces_at_a_walking_pace_are_all_recorded()
    {
        var clock = new ManualClock();
        var sampler = new RateLimitedSampler(20, clock);
        var recorded = 0;
        for (var i = 0; i < 200; i++)
        {
            recorded += Sampled(sampler, 1);
            clock.Advance(0.1);
        }
        Assert.Equal(200, recorded);
    }

    [Fact]
    public void The_service_sampler_keeps_a_recorded_callers_trace_and_rate_limits_new_ones()
    {
        var clock = new ManualClock();
        var sampler = HostingDefaults.TraceSampler(3, clock);
        var traceId = ActivityTraceId.CreateRandom();
        var recordedParent = new ActivityContext(traceId, ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);

        Assert.Equal(3, Sampled(sampler, 50));
        Assert.Equal(50, Sampled(sampler, 50, () => new SamplingParameters(recordedParent, traceId, "child", ActivityKind.Internal)));
        Assert.Equal(50, Sampled(HostingDefaults.TraceSampler(0, clock), 50)); // 0: every trace
    }
}
