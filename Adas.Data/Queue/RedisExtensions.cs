using Adas.Data.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Adas.Data.Queue;

public static class RedisExtensions
{
    public const string ConnectionName = "redis";

    /// <summary>
    /// The shared Redis connection from ConnectionStrings:redis, the Aspire way (health check, tracing, logging),
    /// and the job queue on it.
    /// </summary>
    public static IHostApplicationBuilder AddAdasRedis(this IHostApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(ConnectionName)))
            throw new InvalidOperationException($"ConnectionStrings__{ConnectionName} is not set; start the system with the AppHost (scripts/run) or set it to host:port[,password=...].");
        // A Redis that is briefly away (restarted, wiped) must not stop the services: they reconnect by themselves.
        builder.AddRedisClient(ConnectionName, configureOptions: options => options.AbortOnConnectFail = false);
        builder.Services.AddSingleton<JobQueue>();
        builder.Services.AddSingleton<JobMetrics>();
        return builder;
    }
}
