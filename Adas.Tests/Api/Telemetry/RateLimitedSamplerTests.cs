using System.Diagnostics;
using Adas.ServiceDefaults;
using HostingDefaults = Microsoft.Extensions.Hosting.Extensions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
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
    public void The_service_sampler_keeps_its_own_recorded_traces_whole_and_rate_limits_new_and_remote_ones()
    {
        var clock = new ManualClock();
        var sampler = HostingDefaults.TraceSampler(3, clock);
        var traceId = ActivityTraceId.CreateRandom();
        var localParent = new ActivityContext(traceId, ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);
        var remoteParent = new ActivityContext(traceId, ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded, isRemote: true);

        Assert.Equal(3, Sampled(sampler, 50));
        Assert.Equal(50, Sampled(sampler, 50, () => new SamplingParameters(localParent, traceId, "child", ActivityKind.Internal)));
        // A caller's "sampled" traceparent header draws on the same budget.
        Assert.Equal(0, Sampled(sampler, 50, () => new SamplingParameters(remoteParent, traceId, "GET", ActivityKind.Server)));
        clock.Advance(1);
        Assert.Equal(3, Sampled(sampler, 50, () => new SamplingParameters(remoteParent, traceId, "GET", ActivityKind.Server)));
        Assert.Equal(50, Sampled(HostingDefaults.TraceSampler(0, clock), 50)); // 0: every trace
    }

    [Fact]
    public void The_rate_limit_wins_over_the_launchers_always_on_sampler_setting()
    {
        // A source only this host listens to (the services trace their application name), so parallel tests' hosts
        // cannot record these activities.
        var name = $"sampler-probe-{Guid.NewGuid():N}";
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ApplicationName = name, DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OTEL_TRACES_SAMPLER"] = "always_on", // what the Aspire launcher sets
            [HostingDefaults.MaxTracesPerSecondKey] = "5",
        });
        builder.ConfigureOpenTelemetry();
        using var host = builder.Build();
        Assert.NotNull(host.Services.GetService<TracerProvider>());
        using var source = new ActivitySource(name);

        var clock = Stopwatch.StartNew();
        var recorded = Enumerable.Range(0, 200).Count(_ =>
        {
            using var activity = source.StartActivity("poll");
            return activity?.Recorded == true;
        });
        Assert.InRange(recorded, 5, 5 + (int)Math.Ceiling(5 * clock.Elapsed.TotalSeconds));
    }
}
