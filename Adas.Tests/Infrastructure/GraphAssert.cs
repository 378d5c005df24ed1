using System.Net.Sockets;

namespace Adas.Tests.Infrastructure;

public static class GraphAssert
{
    /// <summary>
    /// No service process mentions the data folder any more and nothing answers on redis's port
    /// (redis-server rewrites its process title over its command line and environment, so it is found by port).
    /// </summary>
    public static async Task NothingLeftRunningAsync(string dataDirectory, int? redisPort)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline && (ProcessProbe.FindByMarker(dataDirectory).Count > 0 || (redisPort is { } port && await AcceptsAsync(port))))
            await Task.Delay(250);
        Assert.Empty(ProcessProbe.FindByMarker(dataDirectory));
        if (redisPort is { } redis) Assert.False(await AcceptsAsync(redis), $"something still listens on redis's port {redis}");
    }

    private static async Task<bool> AcceptsAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
