using System.Net.Sockets;
using System.Text;
using Adas.AppHost.Hosting;

namespace Adas.AppHost.Resources;

/// <summary>
/// Redis: a child redis-server on a free loopback port with AOF on and its data in the data folder,
/// or an external server given by connection string.
/// </summary>
public sealed class RedisResource(LaunchOptions options) : IAsyncDisposable
{
    public const string Name = "redis";
    private ChildProcess? _process;
    private int _port;

    public bool IsExternal => options.ExternalRedisConnectionString is { Length: > 0 };
    public string DataDirectory => Path.Combine(options.DataDirectory, "redis");
    public string ConnectionString => IsExternal ? options.ExternalRedisConnectionString! : $"127.0.0.1:{_port}";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (IsExternal)
        {
            var (host, port) = ParseEndpoint(options.ExternalRedisConnectionString!);
            if (!await PingAsync(host, port, cancellationToken))
                throw new LaunchException($"redis: the external Redis at {host}:{port} does not answer PING; check ConnectionStrings__redis.");
            return;
        }

        for (var attempt = 1; ; attempt++)
        {
            _port = Ports.FindFree();
            Directory.CreateDirectory(DataDirectory);
            _process = StartServer();
            if (await WaitUntilReadyAsync(cancellationToken)) return;
            var output = _process.RecentOutput();
            await StopAsync();
            if (output.Contains("command not found") || output.Contains("No such file"))
                throw new LaunchException($"redis: '{options.RedisServerCommand}' is not installed. Install it (apt-get install redis-server) or set ConnectionStrings__redis to an external Redis.");
            if (attempt == 2 || !output.Contains("Address already in use"))
                throw new LaunchException($"redis: redis-server did not start:{Environment.NewLine}{output}");
        }
    }

    private async Task<bool> WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (_process!.HasExited) return false;
            if (await PingAsync("127.0.0.1", _port, cancellationToken)) return true;
            await Task.Delay(100, cancellationToken);
        }
        return false;
    }

    /// <summary>Stops the child server (SIGTERM: it flushes its AOF) and optionally wipes its data.</summary>
    public async Task StopAsync(bool wipeData = false)
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
            _process = null;
        }
        if (wipeData && Directory.Exists(DataDirectory)) Directory.Delete(DataDirectory, recursive: true);
    }

    /// <summary>Starts the child server again on the same port (clients reconnect by themselves).</summary>
    public async Task RestartAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(DataDirectory);
        _process = StartServer();
        if (!await WaitUntilReadyAsync(cancellationToken))
            throw new LaunchException($"redis: redis-server did not restart:{Environment.NewLine}{_process.RecentOutput()}");
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private ChildProcess StartServer() =>
        ChildProcess.Start(Name, "bash", ["-c", WatchdogScript, "redis", options.RedisServerCommand,
                _port.ToString(), DataDirectory, Environment.ProcessId.ToString()],
            DataDirectory, new Dictionary<string, string> { ["ADAS_DATA_DIR"] = options.DataDirectory }, options.Logs);

    // redis-server has no parent-death option, so a small shell loop stops it when the launcher is gone.
    private const string WatchdogScript = """
        command -v "$1" >/dev/null || { echo "$1: command not found" >&2; exit 127; }
        "$1" --port "$2" --bind 127.0.0.1 --dir "$3" --appendonly yes --appendfsync everysec --save "" --protected-mode yes --daemonize no &
        server=$!
        sleeper=
        trap 'kill -TERM $server $sleeper 2>/dev/null; wait $server; exit 0' TERM INT
        while kill -0 "$4" 2>/dev/null && kill -0 $server 2>/dev/null; do sleep 1 & sleeper=$!; wait $sleeper; done
        kill -TERM $server 2>/dev/null; wait $server
        """;

    private static (string Host, int Port) ParseEndpoint(string connectionString)
    {
        var endpoint = connectionString.Split(',')[0].Trim();
        var colon = endpoint.LastIndexOf(':');
        return colon > 0 && int.TryParse(endpoint[(colon + 1)..], out var port) ? (endpoint[..colon], port) : (endpoint, 6379);
    }

    public static async Task<bool> PingAsync(string host, int port, CancellationToken cancellationToken)
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            await client.ConnectAsync(host, port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), timeout.Token);
            var buffer = new byte[64];
            var read = await stream.ReadAsync(buffer, timeout.Token);
            var reply = Encoding.ASCII.GetString(buffer, 0, read);
            return reply.StartsWith("+PONG") || reply.StartsWith("-NOAUTH");
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException)
        {
            return false;
        }
    }
}
