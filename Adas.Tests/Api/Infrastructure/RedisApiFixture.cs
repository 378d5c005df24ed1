using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace Adas.Tests.Api.Infrastructure;

/// <summary>The in-process API against a real redis-server of its own (on a free loopback port), for the live socket.</summary>
public sealed class RedisApiFixture : IAsyncLifetime
{
    private Process? _redis;

    public ApiFactory Api { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var port = FreePort();
        _redis = Process.Start(new ProcessStartInfo("redis-server",
            ["--port", port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        })!;
        _redis.OutputDataReceived += (_, _) => { };
        _redis.BeginOutputReadLine();
        var connection = $"127.0.0.1:{port}";
        await WaitForRedisAsync(connection);
        Api = new ApiFactory { RedisConnectionString = connection };
        await Api.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Api is not null) await Api.DisposeAsync();
        if (_redis is { HasExited: false }) _redis.Kill();
        _redis?.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitForRedisAsync(string connection)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await using var redis = await ConnectionMultiplexer.ConnectAsync($"{connection},connectTimeout=500");
                await redis.GetDatabase().PingAsync();
                return;
            }
            catch (RedisConnectionException) when (attempt < 40)
            {
                await Task.Delay(100);
            }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class RedisApiCollection : ICollectionFixture<RedisApiFixture>
{
    public const string Name = "api-redis";
}
