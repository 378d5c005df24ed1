using Adas.Data;
using Adas.Data.Queue;
using Adas.Data.Telemetry;
using Adas.ServiceDefaults;
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
        builder.AddValidatedOptions<JobOptions>(JobOptions.Section);
        builder.AddPerception();
        builder.Services.AddSingleton<RunningJobs>();
        builder.Services.AddSingleton<JobProcessor>();
        builder.Services.AddScoped<ResultWriter>();
        builder.AddValidatedOptions<ClipOptions>(ClipOptions.Section);
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
