namespace Adas.Tests.Infrastructure;

/// <summary>How a test starts the real AppHost: a fresh data folder, free ports, and AppHost settings as arguments.</summary>
public sealed record GraphOptions
{
    public string DataDirectory { get; init; } = TestPaths.NewTempDirectory("adas-graph");
    public int WorkerReplicas { get; init; } = 1;
    /// <summary>The AppHost's environment, which it gives every service.</summary>
    public string EnvironmentName { get; init; } = "Development";
    /// <summary>AppHost configuration (ADAS_* settings, ConnectionStrings:*, ServiceConfiguration:* for the services).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    public GraphOptions With(string key, string value) =>
        this with { Settings = new Dictionary<string, string>(Settings) { [key] = value } };

    public string[] ToArguments() =>
    [
        $"--ADAS_DATA_DIR={DataDirectory}",
        "--ADAS_API_PORT=0",
        "--ADAS_WEB_PORT=0",
        $"--ADAS_WORKER_REPLICAS={WorkerReplicas}",
        .. Settings.Select(setting => $"--{setting.Key}={setting.Value}"),
    ];
}
