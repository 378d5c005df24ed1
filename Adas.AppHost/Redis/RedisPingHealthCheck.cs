using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Adas.AppHost.Redis;

/// <summary>Healthy when the server answers AUTH and PING: an executable has no readiness signal of its own.</summary>
public sealed class RedisPingHealthCheck(RedisServerResource redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!redis.Endpoint.IsAllocated) return HealthCheckResult.Unhealthy("redis has no port yet");
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", redis.Endpoint.TargetPort!.Value, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"AUTH {redis.Password}\r\nPING\r\n"), timeout.Token);
            var reply = await ReadRepliesAsync(stream, 2, timeout.Token);
            return reply.Contains("+PONG")
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"redis answered '{reply.Trim()}'");
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("redis does not answer PING", ex);
        }
    }

    private static async Task<string> ReadRepliesAsync(NetworkStream stream, int lines, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        var buffer = new byte[256];
        while (text.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length < lines)
        {
            var read = await stream.ReadAsync(buffer, cancellationToken);
            if (read == 0) break;
            text.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }
        return text.ToString();
    }
}
