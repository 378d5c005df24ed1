using Adas.Data;
using Adas.Data.Queue;
using Adas.Worker.Analysis;
using Adas.Worker.Jobs;

namespace Adas.Worker.Extensions;

public static class Extensions
{
    public static void AddWorkerServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAdasData(builder.Configuration);
        builder.Services.AddAdasRedis(builder.Configuration);
        builder.Services.Configure<JobOptions>(builder.Configuration.GetSection(JobOptions.Section));
        builder.Services.AddSingleton(new AnalyzerFactory(PerceptionSetup.DefaultModels(builder.Configuration)));
        builder.Services.AddSingleton<RunningJobs>();
        builder.Services.AddSingleton<JobProcessor>();
        builder.Services.AddScoped<ResultWriter>();
        builder.Services.AddHostedService<JobConsumer>();
        builder.Services.AddHostedService<QueueReconciler>();
    }
}
