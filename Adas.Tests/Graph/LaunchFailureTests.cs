using System.Net;
using System.Net.Sockets;
using Adas.ServiceDefaults;
using Adas.Tests.Infrastructure;
using Adas.Tests.Jobs;
using Aspire.Hosting.ApplicationModel;

namespace Adas.Tests.Graph;

/// <summary>Bad configuration fails the resource that meets it, with a message naming the cause; its dependents never start; nothing is left running.</summary>
// One AppHost at a time: DCP reuses a stopped resource's port on restart, which another running graph could take.
[Collection(GraphCollection.Name)]
public sealed class LaunchFailureTests(ITestOutputHelper output)
{
    private static readonly string[] Failed = [KnownResourceStates.FailedToStart, KnownResourceStates.Exited, KnownResourceStates.Finished];

    [Fact]
    public async Task Missing_redis_server_fails_redis_with_the_install_command_and_api_and_worker_do_not_start()
    {
        await LaunchFailureAsync(GraphLauncher.DefaultOptions().With("ADAS_REDIS_SERVER", "redis-server-not-installed"),
            ResourceNames.Redis, "apt-get install redis-server", dependentsStart: false);
    }

    [Fact]
    public async Task Api_port_in_use_fails_the_api_naming_the_address()
    {
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var port = ((IPEndPoint)occupant.LocalEndpoint).Port;
        await LaunchFailureAsync(GraphLauncher.DefaultOptions().With("ADAS_API_PORT", port.ToString()),
            ResourceNames.Api, "address already in use", dependentsStart: true);
    }

    [Fact]
    public async Task Unreachable_sql_server_fails_the_migrations_with_the_reason_and_api_and_worker_do_not_start()
    {
        var options = GraphLauncher.DefaultOptions()
            .With("ADAS_DB_PROVIDER", "SqlServer")
            .With("ConnectionStrings:adasdb", $"Server=127.0.0.1,{FreePort()};Database=adas;User Id=sa;Password=x;TrustServerCertificate=True;Connect Timeout=2");
        await LaunchFailureAsync(options, ResourceNames.Migrations, "Migration failed:", dependentsStart: false);
    }

    [Fact]
    public async Task Corrupt_database_file_fails_the_migrations_with_the_reason()
    {
        var options = GraphLauncher.DefaultOptions();
        File.WriteAllText(Path.Combine(options.DataDirectory, "adas.db"), new string('x', 4096));
        await LaunchFailureAsync(options, ResourceNames.Migrations, "file is not a database", dependentsStart: false);
    }

    private async Task LaunchFailureAsync(GraphOptions options, string failing, string message, bool dependentsStart)
    {
        var graph = await GraphLauncher.StartAsync(options, TestContext.Current.CancellationToken);
        int? redisPort = null;
        try
        {
            var state = await graph.WaitForStateAsync(failing, Failed, TimeSpan.FromMinutes(2));
            output.WriteLine($"{failing}: {state}");
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (DateTime.UtcNow < deadline && !graph.Logs.Lines.Any(line => line.Contains(message))) await Task.Delay(200);
            Assert.Contains(graph.Logs.Lines, line => line.Contains(message));
            if (!dependentsStart)
                foreach (var dependent in (string[])[ResourceNames.Api, ResourceNames.Worker])
                    Assert.Equal(KnownResourceStates.FailedToStart, await graph.WaitForStateAsync(dependent, Failed, TimeSpan.FromSeconds(30)));
            if (failing != ResourceNames.Redis) redisPort = graph.RedisPort;
        }
        catch
        {
            output.WriteLine(graph.Logs.Tail(80));
            throw;
        }
        finally
        {
            await graph.DisposeAsync();
        }
        await GraphAssert.NothingLeftRunningAsync(options.DataDirectory, redisPort);
        Directory.Delete(options.DataDirectory, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
