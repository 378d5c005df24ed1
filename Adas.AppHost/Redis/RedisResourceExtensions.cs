using System.Security.Cryptography;
using Adas.ServiceDefaults;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace Adas.AppHost.Redis;

public static class RedisResourceExtensions
{
    public const string InstallHint = "install it (apt-get install redis-server) or set ConnectionStrings__redis to an external Redis";

    /// <summary>
    /// The job queue's Redis: the configured external server (no process started), or an embedded
    /// redis-server with its data, configuration and password in DATA/redis (owner-only).
    /// </summary>
    public static IResourceBuilder<IResourceWithConnectionString> AddAdasRedis(this IDistributedApplicationBuilder builder, AdasSettings settings)
    {
        if (settings.ExternalRedisConnectionString is not null) return builder.AddConnectionString(ResourceNames.Redis);

        var directory = DataFolder.EnsureOwnerOnly(Path.Combine(settings.DataDirectory, "redis"));
        var password = LoadOrCreatePassword(directory);
        DataFolder.WriteSecret(Path.Combine(directory, ConfigFile), Configuration(directory, password));

        var resource = new RedisServerResource(ResourceNames.Redis, settings.RedisCommand, directory, password);
        var healthCheck = $"{ResourceNames.Redis}-ping";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(healthCheck, _ => new RedisPingHealthCheck(resource), null, null));
        builder.Services.AddHostedService(services => ActivatorUtilities.CreateInstance<RedisSupervisor>(services, resource));

        var redis = builder.AddResource(resource)
            .WithEndpoint(name: RedisServerResource.EndpointName, scheme: "tcp", isProxied: false)
            .WithArgs(context =>
            {
                context.Args.Add(Path.Combine(directory, ConfigFile));
                context.Args.Add("--port");
                context.Args.Add(resource.Endpoint.Property(EndpointProperty.TargetPort));
            })
            .WithHealthCheck(healthCheck)
            .OnBeforeResourceStarted((server, e, _) =>
            {
                if (!CommandExists(server.Command))
                    e.Services.GetRequiredService<ResourceLoggerService>().GetLogger(server)
                        .LogError("'{Command}' is not installed: {Hint}.", server.Command, InstallHint);
                return Task.CompletedTask;
            });
        return redis.Cast();
    }

    private const string ConfigFile = "redis.conf";

    // The password lives in a file (not on the command line, where `ps` would show it), so it is also kept across runs.
    private static string Configuration(string directory, string password) => $"""
        bind 127.0.0.1
        protected-mode yes
        dir "{directory}"
        appendonly yes
        appendfsync everysec
        save ""
        requirepass {password}
        """;

    private static string LoadOrCreatePassword(string directory)
    {
        var file = Path.Combine(directory, "password");
        if (File.Exists(file) && File.ReadAllText(file).Trim() is { Length: >= 32 } existing) return existing;
        var password = RandomNumberGenerator.GetHexString(40, lowercase: true);
        DataFolder.WriteSecret(file, password);
        return password;
    }

    private static bool CommandExists(string command) =>
        Path.IsPathRooted(command)
            ? File.Exists(command)
            : (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
                .Any(dir => dir.Length > 0 && File.Exists(Path.Combine(dir, command)));

    private static IResourceBuilder<IResourceWithConnectionString> Cast(this IResourceBuilder<RedisServerResource> builder) =>
        builder.ApplicationBuilder.CreateResourceBuilder<IResourceWithConnectionString>(builder.Resource);
}
