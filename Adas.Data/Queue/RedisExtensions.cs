using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Adas.Data.Queue;

public static class RedisExtensions
{
    public const string ConnectionName = "redis";

    /// <summary>Registers one shared Redis connection (from ConnectionStrings:redis) and a health check on it.</summary>
    public static IServiceCollection AddAdasRedis(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(ConnectionName);
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException($"ConnectionStrings__{ConnectionName} is not set; start the system with the launcher (Adas.AppHost) or set it to host:port.");
        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false;
        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
        services.AddSingleton<JobQueue>();
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis");
        return services;
    }
}
