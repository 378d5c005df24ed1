namespace Adas.AppHost.Hosting;

/// <summary>What the launcher starts and where; every field has a working default.</summary>
public sealed record LaunchOptions
{
    public required string RepositoryRoot { get; init; }
    public required string DataDirectory { get; init; }
    public string Environment { get; init; } = "Development";
    public string Configuration { get; init; } = "Release";
    /// <summary>0 picks a free port.</summary>
    public int ApiPort { get; init; } = 5080;
    public string DbProvider { get; init; } = "Sqlite";
    public string? ExternalDbConnectionString { get; init; }
    public string? ExternalRedisConnectionString { get; init; }
    public string RedisServerCommand { get; init; } = "redis-server";
    public TimeSpan HealthTimeout { get; init; } = TimeSpan.FromMinutes(2);
    public IReadOnlyDictionary<string, string> ExtraEnvironment { get; init; } = new Dictionary<string, string>();
    public ILogSink Logs { get; init; } = new ConsoleLogSink();
}
