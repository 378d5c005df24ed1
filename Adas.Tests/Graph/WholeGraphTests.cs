using System.Net.Sockets;
using System.Text;
using Adas.ServiceDefaults;
using Adas.Tests.Infrastructure;
using Adas.Tests.Jobs;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Data.Sqlite;
using StackExchange.Redis;

namespace Adas.Tests.Graph;

/// <summary>The real AppHost: redis, adasdb, migrations (run to completion), api and worker healthy; nothing outlives it.</summary>
// One AppHost at a time: DCP reuses a stopped resource's port on restart, which another running graph could take.
[Collection(GraphCollection.Name)]
public sealed class WholeGraphTests(ITestOutputHelper output)
{
    private static readonly string[] ExpectedTables =
    [
        "users", "refresh_tokens", "fleets", "vehicles", "trips", "videos", "video_jobs", "safety_events",
        "traffic_signs", "driver_states", "alerts", "alert_history", "model_versions",
    ];

    [Fact]
    public async Task The_apphost_starts_redis_migrations_api_and_worker_and_stops_without_leftovers()
    {
        var options = GraphLauncher.DefaultOptions();
        var ct = TestContext.Current.CancellationToken;
        var graph = await GraphLauncher.StartAsync(options, ct);
        int redisPort;
        try
        {
            await graph.WaitUntilReadyAsync(ct);
            Assert.Equal(KnownResourceStates.Finished, Assert.Single(graph.States(ResourceNames.Migrations)));
            using var api = graph.CreateApiClient();
            Assert.Equal(200, (int)(await api.GetAsync("/health", ct)).StatusCode);
            Assert.Equal(200, (int)(await api.GetAsync("/alive", ct)).StatusCode);
            using var worker = graph.App.CreateHttpClient(ResourceNames.Worker);
            Assert.Equal(200, (int)(await worker.GetAsync("/health", ct)).StatusCode);

            await using var connection = new SqliteConnection(graph.DatabaseConnectionString);
            await connection.OpenAsync(ct);
            var tables = await QueryStringsAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table'", ct);
            Assert.All(ExpectedTables, table => Assert.Contains(table, tables));
            Assert.Equal([GraphLauncher.AdminEmail], await QueryStringsAsync(connection, "SELECT Email FROM users WHERE Role = 'Admin'", ct));

            // The embedded Redis wants its generated password, which is kept owner-only beside its data.
            redisPort = graph.RedisPort;
            Assert.StartsWith("-NOAUTH", await SendAsync(redisPort, "PING\r\n", ct));
            await using (var redis = await ConnectionMultiplexer.ConnectAsync(await graph.RedisConnectionStringAsync()))
                Assert.True((await redis.GetDatabase().PingAsync()) < TimeSpan.FromSeconds(5));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(graph.DataDirectory));
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(graph.DataDirectory, "redis", "password")));
            }
            Assert.NotEmpty(ProcessProbe.FindByMarker(graph.DataDirectory));
        }
        catch
        {
            output.WriteLine(graph.Logs.Tail(100));
            await graph.DisposeAsync();
            throw;
        }

        await graph.DisposeAsync();
        await GraphAssert.NothingLeftRunningAsync(graph.DataDirectory, redisPort);
        Directory.Delete(graph.DataDirectory, recursive: true);
    }

    private static async Task<string> SendAsync(int port, string command, CancellationToken ct)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port, ct);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(command), ct);
        var buffer = new byte[256];
        return Encoding.ASCII.GetString(buffer, 0, await stream.ReadAsync(buffer, ct));
    }

    private static async Task<List<string>> QueryStringsAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(ct);
        var values = new List<string>();
        while (await reader.ReadAsync(ct)) values.Add(reader.GetString(0));
        return values;
    }
}
