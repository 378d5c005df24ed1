using Adas.Data;
using Adas.Data.Queue;
using Adas.Data.Telemetry;
using Adas.Worker.Analysis;
using Adas.Worker.Jobs;
using Adas.Worker.Jobs.Clips;

namespace Adas.Worker.Extensions;

public static class Extensions
{
    public static void AddWorkerServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAdasData(builder.Configuration);
        builder.AddAdasRedis();
        builder.Services.Configure<JobOptions>(builder.Configuration.GetSection(JobOptions.Section));
        builder.Services.AddSingleton(new AnalyzerFactory(PerceptionSetup.DefaultModels(builder.Configuration)));
        builder.Services.AddSingleton<RunningJobs>();
        builder.Services.AddSingleton<JobProcessor>();
        builder.Services.AddScoped<ResultWriter>();
        builder.Services.Configure<ClipOptions>(builder.Configuration.GetSection(ClipOptions.Section));
        builder.Services.AddScoped<EventClipCutter>();
        builder.Services.AddHostedService<JobConsumer>();
        builder.Services.AddHostedService<QueueReconciler>();
        builder.Services.AddSingleton<QueueGauges>();
    }

    /// <summary>Creates the queue gauges, which report the stream's backlog and pending entries whenever metrics are collected.</summary>
    public static WebApplication UseQueueGauges(this WebApplication app)
    {
        app.Services.GetRequiredService<QueueGauges>();
        return app;
    }
}
