using System.Net.Http.Json;
using Adas.AppHost;
using Adas.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Adas.Tests.Jobs;

/// <summary>One running graph shared by the job tests (they run one after another in this collection).</summary>
public sealed class GraphFixture : IAsyncLifetime
{
    public const long MaxUploadBytes = 40L * 1024 * 1024;
    public CapturingLogSink Logs { get; } = new();
    public AdasTopology Topology { get; private set; } = null!;
    public HttpClient Api { get; private set; } = null!;
    public string WorkDirectory { get; } = TestPaths.NewTempDirectory("adas-media");

    public async ValueTask InitializeAsync()
    {
        var options = GraphLauncher.DefaultOptions(Logs) with
        {
            ExtraEnvironment = new Dictionary<string, string>(GraphLauncher.DefaultOptions(Logs).ExtraEnvironment)
            {
                ["Jobs__ClaimIdleTimeout"] = "00:00:04",
                ["Jobs__ReconcileInterval"] = "00:00:02",
                ["Jobs__ReconcileGrace"] = "00:00:01",
                ["Jobs__RetryBaseDelay"] = "00:00:01",
                ["Uploads__MaxBytes"] = MaxUploadBytes.ToString(),
                ["Jwt__AccessTokenMinutes"] = "120",
            },
        };
        Topology = await GraphLauncher.StartAsync(options, CancellationToken.None);
        Api = await LoginAsync(GraphLauncher.AdminEmail, GraphLauncher.AdminPassword);
    }

    /// <summary>A client for the API carrying the user's access token.</summary>
    public async Task<HttpClient> LoginAsync(string email, string password)
    {
        var client = new HttpClient { BaseAddress = new Uri(Topology.Api.Url), Timeout = TimeSpan.FromMinutes(2) };
        using var login = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Creates a user through the admin API and returns a client logged in as them.</summary>
    public async Task<HttpClient> NewUserAsync(string role)
    {
        var email = $"{role}-{Guid.NewGuid():N}@tests.local";
        const string password = "Driver-Passw0rd!x";
        using var created = await Api.PostAsJsonAsync("/api/users", new { email, displayName = role, password, role });
        if (!created.IsSuccessStatusCode) throw new InvalidOperationException($"creating a {role}: {await created.Content.ReadAsStringAsync()}");
        return await LoginAsync(email, password);
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await Topology.DisposeAsync();
        Directory.Delete(Topology.Options.DataDirectory, recursive: true);
        Directory.Delete(WorkDirectory, recursive: true);
    }

    public SqliteConnection OpenDatabase()
    {
        var connection = new SqliteConnection(Topology.Database.ConnectionString);
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

    public string StorageDirectory => Path.Combine(Topology.Options.DataDirectory, "storage");
}

[CollectionDefinition(Name)]
public sealed class GraphCollection : ICollectionFixture<GraphFixture>
{
    public const string Name = "graph";
}
