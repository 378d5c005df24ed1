using System.Net;
using System.Net.Sockets;
using Adas.AppHost.Hosting;
using Adas.Tests.Infrastructure;

namespace Adas.Tests.Graph;

/// <summary>Bad configuration stops the launch with a message naming the cause, and leaves nothing running.</summary>
public sealed class LaunchFailureTests
{
    [Fact]
    public async Task Missing_redis_server_binary_is_named()
    {
        var message = await LaunchFailureAsync(o => o with { RedisServerCommand = "redis-server-not-installed" });
        Assert.Contains("is not installed", message);
        Assert.Contains("apt-get install redis-server", message);
    }

    [Fact]
    public async Task Api_port_in_use_is_named()
    {
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var port = ((IPEndPoint)occupant.LocalEndpoint).Port;
        var message = await LaunchFailureAsync(o => o with { ApiPort = port });
        Assert.Contains($"port {port}", message);
        Assert.Contains("already in use", message);
    }

    [Fact]
    public async Task Unreachable_external_redis_is_named()
    {
        var message = await LaunchFailureAsync(o => o with { ExternalRedisConnectionString = $"127.0.0.1:{Ports.FindFree()}" });
        Assert.Contains("does not answer PING", message);
    }

    [Fact]
    public async Task Unreachable_sql_server_fails_the_migrations_with_the_reason()
    {
        var message = await LaunchFailureAsync(o => o with
        {
            DbProvider = "SqlServer",
            ExternalDbConnectionString = $"Server=127.0.0.1,{Ports.FindFree()};Database=adas;User Id=sa;Password=x;TrustServerCertificate=True;Connect Timeout=2",
        });
        Assert.Contains("migrations failed", message);
        Assert.Contains("Migration failed:", message);
    }

    [Fact]
    public async Task Corrupt_database_file_fails_the_migrations_with_the_reason()
    {
        var message = await LaunchFailureAsync(o =>
        {
            File.WriteAllText(Path.Combine(o.DataDirectory, "adas.db"), new string('x', 4096));
            return o;
        });
        Assert.Contains("migrations failed", message);
        Assert.Contains("file is not a database", message);
    }

    private static async Task<string> LaunchFailureAsync(Func<LaunchOptions, LaunchOptions> configure)
    {
        var options = configure(GraphLauncher.DefaultOptions(new CapturingLogSink()));
        var error = await Assert.ThrowsAsync<LaunchException>(() =>
            GraphLauncher.StartAsync(options, TestContext.Current.CancellationToken));
        Assert.Empty(ProcessProbe.FindByMarker(options.DataDirectory));
        Directory.Delete(options.DataDirectory, recursive: true);
        return error.Message;
    }
}
