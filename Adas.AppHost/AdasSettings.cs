using Adas.ServiceDefaults;
using Microsoft.Extensions.Configuration;

namespace Adas.AppHost;

/// <summary>
/// The AppHost's settings, read from its configuration (environment variables, command-line arguments,
/// appsettings); every one has a working default.
/// </summary>
public sealed record AdasSettings
{
    public const string ApiPortKey = "ADAS_API_PORT";
    public const string WebPortKey = "ADAS_WEB_PORT";
    /// <summary>"false" leaves the web dashboard out of the graph (tests that do not need it).</summary>
    public const string WebEnabledKey = "ADAS_WEB";
    public const string WorkerReplicasKey = "ADAS_WORKER_REPLICAS";
    public const string RedisCommandKey = "ADAS_REDIS_SERVER";
    /// <summary>Every key under this section is passed to all services (e.g. ServiceConfiguration:Jobs:ClaimIdleTimeout).</summary>
    public const string ServiceConfigurationSection = "ServiceConfiguration";

    public required string RepositoryRoot { get; init; }
    public required string DataDirectory { get; init; }
    /// <summary>null lets the orchestrator pick a free port.</summary>
    public int? ApiPort { get; init; }
    /// <summary>null lets the orchestrator pick a free port.</summary>
    public int? WebPort { get; init; }
    public bool WebEnabled { get; init; } = true;
    public int WorkerReplicas { get; init; } = 1;
    public string DbProvider { get; init; } = "Sqlite";
    public string? ExternalDbConnectionString { get; init; }
    public string? ExternalRedisConnectionString { get; init; }
    public string RedisCommand { get; init; } = "redis-server";

    public static AdasSettings From(IConfiguration configuration, string appHostDirectory)
    {
        string? Value(string key) => configuration[key] is { Length: > 0 } value ? value : null;
        var root = Path.GetFullPath(Path.Combine(appHostDirectory, ".."));
        var settings = new AdasSettings
        {
            RepositoryRoot = root,
            DataDirectory = Path.GetFullPath(Value(EnvironmentVariables.DataDir) ?? Path.Combine(root, ".data")),
            ApiPort = ParsePort(ApiPortKey, Value(ApiPortKey) ?? "5080"),
            WebPort = ParsePort(WebPortKey, Value(WebPortKey) ?? "5088"),
            WebEnabled = !string.Equals(Value(WebEnabledKey), "false", StringComparison.OrdinalIgnoreCase),
            WorkerReplicas = ParseReplicas(Value(WorkerReplicasKey) ?? "1"),
            DbProvider = Value(EnvironmentVariables.DbProvider) ?? "Sqlite",
            ExternalDbConnectionString = configuration.GetConnectionString(ResourceNames.Database) is { Length: > 0 } db ? db : null,
            ExternalRedisConnectionString = configuration.GetConnectionString(ResourceNames.Redis) is { Length: > 0 } redis ? redis : null,
            RedisCommand = Value(RedisCommandKey) ?? "redis-server",
        };
        if (!settings.IsSqlite && settings.ExternalDbConnectionString is null)
            throw new InvalidOperationException(
                $"{EnvironmentVariables.DbProvider}={settings.DbProvider} needs ConnectionStrings__{ResourceNames.Database} (the database connection string).");
        return settings;
    }

    public bool IsSqlite => DbProvider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase);

    private static int? ParsePort(string key, string text) =>
        int.TryParse(text, out var port) && port is >= 0 and <= 65535
            ? port == 0 ? null : port
            : throw new InvalidOperationException($"{key}='{text}' is not a port number (0 picks a free one).");

    private static int ParseReplicas(string text) =>
        int.TryParse(text, out var replicas) && replicas is >= 1 and <= 64
            ? replicas
            : throw new InvalidOperationException($"{WorkerReplicasKey}='{text}' is not a replica count (1-64).");
}
