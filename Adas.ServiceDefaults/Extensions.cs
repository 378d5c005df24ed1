using Adas.ServiceDefaults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

// The Aspire service-defaults template, kept so the services run unchanged under a real Aspire AppHost.
public static class Extensions
{
    private const string HealthEndpointPath = "/health";
    private const string AlivenessEndpointPath = "/alive";
    private const string MetricsEndpointPath = "/metrics";

    /// <summary>New traces recorded per second at most (<see cref="RateLimitedSampler"/>); 0 records every one.</summary>
    public const string MaxTracesPerSecondKey = "OpenTelemetry:MaxTracesPerSecond";
    private const double DefaultMaxTracesPerSecond = 20;

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            // Only safe methods are retried: a resent POST can repeat what the first one did (a refresh whose answer was
            // lost, resent with the used token, revokes the whole token family; a resent login spends throttle slots).
            http.AddStandardResilienceHandler(options => options.Retry.DisableForUnsafeHttpMethods());
            http.AddServiceDiscovery();
        });
        return builder;
    }

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("Adas.*")
                // For deployments without Aspire: the same metrics for Prometheus at /metrics.
                .AddPrometheusExporter())
            .WithTracing(tracing => tracing
                .SetSampler(TraceSampler(builder.Configuration.GetValue(MaxTracesPerSecondKey, DefaultMaxTracesPerSecond)))
                .AddSource(builder.Environment.ApplicationName)
                .AddSource("Adas.*")
                .AddAspNetCoreInstrumentation(options => options.Filter = context =>
                    !context.Request.Path.StartsWithSegments(HealthEndpointPath)
                    && !context.Request.Path.StartsWithSegments(AlivenessEndpointPath)
                    && !context.Request.Path.StartsWithSegments(MetricsEndpointPath))
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation());

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>
    /// Set in code, so it wins over the launcher's <c>OTEL_TRACES_SAMPLER=always_on</c>. Spans inside this process follow
    /// their parent; new traces are rate limited, and so are traces a caller marks as recorded (its traceparent header
    /// is the caller's to set, and must not switch the limit off).
    /// </summary>
    public static Sampler TraceSampler(double maxTracesPerSecond, TimeProvider? time = null)
    {
        if (maxTracesPerSecond <= 0) return new ParentBasedSampler(new AlwaysOnSampler());
        var limited = new RateLimitedSampler(maxTracesPerSecond, time);
        return new ParentBasedSampler(limited, remoteParentSampled: limited, remoteParentNotSampled: null,
            localParentSampled: null, localParentNotSampled: null);
    }

    /// <summary>Longest a health check may take before it counts as unhealthy.</summary>
    public static readonly TimeSpan HealthCheckTimeout = TimeSpan.FromSeconds(2);

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), ["live"]);
        // A dependency that is down must make /health answer "unhealthy" quickly, not hang: the Redis client's PING
        // otherwise waits for its reconnect until the command timeout (5 s), longer than callers wait for /health.
        builder.Services.PostConfigure<HealthCheckServiceOptions>(options =>
        {
            foreach (var registration in options.Registrations)
            {
                var factory = registration.Factory;
                registration.Factory = services => new TimeBoundHealthCheck(factory(services), HealthCheckTimeout);
            }
        });
        return builder;
    }

    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        // Unlike the template, health is mapped in every environment: the launcher and CI wait on it.
        app.MapHealthChecks(HealthEndpointPath);
        app.MapHealthChecks(AlivenessEndpointPath, new HealthCheckOptions
        {
            Predicate = registration => registration.Tags.Contains("live"),
        });
        app.MapPrometheusScrapingEndpoint(MetricsEndpointPath);
        return app;
    }
}
