using Adas.AppHost;
using Adas.AppHost.Resources;
using Adas.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Adas.Tests.Graph;

public sealed class WholeGraphTests(ITestOutputHelper output)
{
    private static readonly string[] ExpectedTables =
    [
        "users", "refresh_tokens", "fleets", "vehicles", "trips", "videos", "video_jobs", "safety_events",
        "traffic_signs", "driver_states", "alerts", "alert_history", "model_versions",
    ];

    [Fact]
    public async Task Launcher_topology_starts_migrations_api_and_worker_and_stops_without_leftovers()
    {
        var logs = new CapturingLogSink();
        var options = GraphLauncher.DefaultOptions(logs);
        var ct = TestContext.Current.CancellationToken;
        int[] pids;
        AdasTopology? topology = null;
        try
        {
            topology = await GraphLauncher.StartAsync(options, ct);
            using var http = new HttpClient();
            Assert.Equal(200, (int)(await http.GetAsync($"{topology.Api.Url}/health", ct)).StatusCode);
            Assert.Equal(200, (int)(await http.GetAsync($"{topology.Worker.Url}/health", ct)).StatusCode);
            Assert.Equal(200, (int)(await http.GetAsync($"{topology.Api.Url}/alive", ct)).StatusCode);

            await using var connection = new SqliteConnection(topology.Database.ConnectionString);
            await connection.OpenAsync(ct);
            var tables = await QueryStringsAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table'", ct);
            Assert.All(ExpectedTables, table => Assert.Contains(table, tables));
            var admins = await QueryStringsAsync(connection, "SELECT Email FROM users WHERE Role = 'Admin'", ct);
            Assert.Equal([GraphLauncher.AdminEmail], admins);

            // redis-server rewrites its process title over its environment, so it is found by its port instead.
            pids = [.. ProcessProbe.FindByMarker(options.DataDirectory).Union([topology.Api.ProcessId!.Value, topology.Worker.ProcessId!.Value])];
            Assert.All(pids, pid => Assert.True(ProcessProbe.IsAlive(pid)));
            Assert.True(await RedisResource.PingAsync("127.0.0.1", RedisPort(topology), ct));
        }
        catch
        {
            output.WriteLine(logs.Tail());
            throw;
        }
        finally
        {
            if (topology is not null) await topology.DisposeAsync();
        }

        Assert.Empty(ProcessProbe.FindByMarker(options.DataDirectory));
        Assert.False(await RedisResource.PingAsync("127.0.0.1", RedisPort(topology!), ct), "redis-server outlived the launcher");
        Assert.All(pids, pid => Assert.False(ProcessProbe.IsAlive(pid), $"process {pid} outlived the launcher"));
        Directory.Delete(options.DataDirectory, recursive: true);
    }

    private static int RedisPort(AdasTopology topology) => int.Parse(topology.Redis.ConnectionString.Split(':')[1]);

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
