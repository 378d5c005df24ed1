using System.Net.Http.Json;
using Adas.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Adas.Tests.Jobs;

/// <summary>One running graph (the real AppHost, one worker) shared by the job tests (they run one after another in this collection).</summary>
public sealed class GraphFixture : IAsyncLifetime
{
    public const long MaxUploadBytes = 40L * 1024 * 1024;
    public RunningGraph Graph { get; private set; } = null!;
    public CapturingLogSink Logs => Graph.Logs;
    public HttpClient Api { get; private set; } = null!;
    public string WorkDirectory { get; } = TestPaths.NewTempDirectory("adas-media");

    /// <summary>Short queue timeouts so takeover, retries and reconciliation happen within a test.</summary>
    public static GraphOptions FastQueueOptions() => GraphLauncher.DefaultOptions()
        .With("ServiceConfiguration:Jobs:ClaimIdleTimeout", "00:00:04")
        .With("ServiceConfiguration:Jobs:ReconcileInterval", "00:00:02")
        .With("ServiceConfiguration:Jobs:ReconcileGrace", "00:00:01")
        .With("ServiceConfiguration:Jobs:RetryBaseDelay", "00:00:01")
        .With("ServiceConfiguration:Uploads:MaxBytes", MaxUploadBytes.ToString())
        .With("ServiceConfiguration:Jwt:AccessTokenMinutes", "120")
        // Every trace recorded: the tests upload jobs in bursts, and the per-process budget of new traces (20 a second,
        // RateLimitedSamplerTests) dropped the telemetry test's own trace when a burst had just spent it.
        .With("ServiceConfiguration:OpenTelemetry:MaxTracesPerSecond", "0");

    public async ValueTask InitializeAsync()
    {
        // With the web dashboard: the browser tests (Adas.Tests.Web) share this graph.
        Graph = await GraphLauncher.StartAsync(FastQueueOptions().With("ADAS_WEB", "true"), CancellationToken.None);
        try
        {
            await Graph.WaitUntilReadyAsync(CancellationToken.None);
            Api = await LoginAsync(GraphLauncher.AdminEmail, GraphLauncher.AdminPassword);
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException($"the graph did not start:{Environment.NewLine}{Graph.Logs.Tail(80)}", ex);
        }
    }

    /// <summary>A client for the API carrying the user's access token.</summary>
    public Task<HttpClient> LoginAsync(string email, string password) => Graph.LoginAsync(email, password);

    /// <summary>Creates a user through the admin API and returns a client logged in as them.</summary>
    public async Task<HttpClient> NewUserAsync(string role)
    {
        var (email, password) = await CreateUserAsync(role);
        return await LoginAsync(email, password);
    }

    /// <summary>Creates a user through the admin API; returns the credentials (for a browser to sign in with).</summary>
    public async Task<(string Email, string Password)> CreateUserAsync(string role, string? displayName = null)
    {
        var email = $"{role}-{Guid.NewGuid():N}@tests.local";
        const string password = "Driver-Passw0rd!x";
        using var created = await Api.PostAsJsonAsync("/api/users", new { email, displayName = displayName ?? role, password, role });
        if (!created.IsSuccessStatusCode) throw new InvalidOperationException($"creating a {role}: {await created.Content.ReadAsStringAsync()}");
        return (email, password);
    }

    public async ValueTask DisposeAsync()
    {
        Api?.Dispose();
        await Graph.DisposeAsync();
        Directory.Delete(Graph.DataDirectory, recursive: true);
        Directory.Delete(WorkDirectory, recursive: true);
    }

    public SqliteConnection OpenDatabase()
    {
        var connection = new SqliteConnection(Graph.DatabaseConnectionString);
        connection.Open();
        return connection;
    }

    public long Count(string sql)
    {
        using var connection = OpenDatabase();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Adds the caller's credentials to a WebSocket handshake, as the HTTP client sends them.</summary>
    public void ConfigureSocket(System.Net.WebSockets.ClientWebSocket socket)
    {
        if (Api.DefaultRequestHeaders.Authorization is { } auth) socket.Options.SetRequestHeader("Authorization", auth.ToString());
    }

    public string StorageDirectory => Path.Combine(Graph.DataDirectory, "storage");
}

[CollectionDefinition(Name)]
public sealed class GraphCollection : ICollectionFixture<GraphFixture>
{
    public const string Name = "graph";
}
