using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using Adas.Data.Queue;
using StackExchange.Redis;

namespace Adas.Api.Features.Jobs.Live;

/// <summary>
/// <c>GET /api/jobs/live</c> (WebSocket): pushes every job progress message the caller may see, as JSON
/// <c>{jobId, status, progress, errorMessage}</c>, relayed from the Redis progress channel.
/// </summary>
public static class LiveUpdatesEndpoint
{
    public const string Route = "/api/jobs/live";

    public static RouteHandlerBuilder MapJobLiveUpdates(this WebApplication app) =>
        app.MapGet(Route, HandleAsync).RequireAuthorization().WithTags("Jobs")
            .WithSummary("WebSocket of live progress for the jobs the caller may see (token in the Authorization header or ?access_token=)");

    private static async Task HandleAsync(HttpContext context, IConnectionMultiplexer redis, JobVisibility visibility)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await TypedResults.Problem("Connect with a WebSocket client.", statusCode: 400, title: "WebSocket expected").ExecuteAsync(context);
            return;
        }
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var outbox = Channel.CreateBounded<string>(new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest });
        var subscriber = redis.GetSubscriber();
        var queue = await subscriber.SubscribeAsync(JobQueue.ProgressChannel);
        queue.OnMessage(message => outbox.Writer.TryWrite(message.Message.ToString()));
        var aborted = context.RequestAborted;
        try
        {
            var receive = DrainIncomingAsync(socket, aborted);
            await foreach (var json in outbox.Reader.ReadAllAsync(aborted))
            {
                if (receive.IsCompleted) break;
                if (!await visibility.CanSeeAsync(context.User, json, aborted)) continue;
                await socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, aborted);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
        }
        finally
        {
            await queue.UnsubscribeAsync();
        }
    }

    /// <summary>Reads (and ignores) what the client sends, so a close from the client ends the relay.</summary>
    private static async Task DrainIncomingAsync(WebSocket socket, CancellationToken ct)
    {
        var buffer = new byte[1024];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, ct);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, ct);
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
        }
    }
}
