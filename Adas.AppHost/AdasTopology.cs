using Adas.AppHost.Hosting;
using Adas.AppHost.Resources;
using Adas.ServiceDefaults;

namespace Adas.AppHost;

/// <summary>
/// The graph: database and Redis, then migrations (run to completion), then api and worker (waited on
/// until healthy). The launcher's Program and the whole-graph tests both start it from here.
/// </summary>
public sealed class AdasTopology : IAsyncDisposable
{
    public LaunchOptions Options { get; }
    public DatabaseResource Database { get; }
    public RedisResource Redis { get; }
    public ProjectResource Migrations { get; }
    public ProjectResource Api { get; }
    public ProjectResource Worker { get; }

    private AdasTopology(LaunchOptions options)
    {
        Options = options;
        Directory.CreateDirectory(options.DataDirectory);
        Database = new DatabaseResource(options);
        Redis = new RedisResource(options);
        Migrations = new ProjectResource(ResourceNames.Migrations, "Adas.MigrationService", options, 0, ServiceEnvironment);
        Api = new ProjectResource(ResourceNames.Api, "Adas.Api", options, options.ApiPort, ServiceEnvironment);
        Worker = new ProjectResource(ResourceNames.Worker, "Adas.Worker", options, 0, ServiceEnvironment);
    }

    public static AdasTopology Build(LaunchOptions options) => new(options);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await Redis.StartAsync(cancellationToken);
        await Migrations.RunToCompletionAsync(cancellationToken);
        await Task.WhenAll(Api.StartAsync(cancellationToken), Worker.StartAsync(cancellationToken));
    }

    private IReadOnlyDictionary<string, string> ServiceEnvironment() => new Dictionary<string, string>
    {
        [$"ConnectionStrings__{ResourceNames.Database}"] = Database.ConnectionString,
        [$"ConnectionStrings__{ResourceNames.Redis}"] = Redis.ConnectionString,
        [ResourceNames.DbProviderVariable] = Database.Provider,
        [$"services__{ResourceNames.Api}__http__0"] = Api.Url,
        ["ADAS_ASSETS_DIR"] = Path.Combine(Options.RepositoryRoot, ".assets"),
        // glibc gives every thread that allocates natively (OpenCV, ONNX Runtime, the pipeline's threads) an arena
        // of its own that never shrinks; two arenas halve the worker's RSS growth over a long video (40 -> 21 MB).
        [MallocArenaMax] = Environment.GetEnvironmentVariable(MallocArenaMax) ?? "2",
    };

    private const string MallocArenaMax = "MALLOC_ARENA_MAX";

    /// <summary>Stops everything in reverse order of start.</summary>
    public async ValueTask DisposeAsync()
    {
        await Worker.StopAsync();
        await Api.StopAsync();
        await Migrations.StopAsync();
        await Redis.StopAsync();
    }
}
