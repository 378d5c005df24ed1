using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using Adas.Api.Security;
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

    private static async Task HandleAsync(HttpContext context, IConnectionMultiplexer redis, JobVisibility visibility, LiveSessionGuard guard)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await TypedResults.Problem("Connect with a WebSocket client.", statusCode: 400, title: "WebSocket expected").ExecuteAsync(context);
            return;
        }
        using var slot = guard.TryOpen(CurrentUser.From(context.User));
        if (slot is null)
        {
            await TypedResults.Problem("Close another live connection of this account first.", statusCode: 429,
                title: "Too many live connections").ExecuteAsync(context);
            return;
        }
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        using var session = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        var ended = guard.UntilEndedAsync(context.User, session.Token);
        _ = ended.ContinueWith(_ => TryCancel(session), TaskScheduler.Default);
        var outbox = Channel.CreateBounded<string>(new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest });
        var subscriber = redis.GetSubscriber();
        var queue = await subscriber.SubscribeAsync(JobQueue.ProgressChannel);
        queue.OnMessage(message => outbox.Writer.TryWrite(message.Message.ToString()));
        var aborted = session.Token;
        var receive = DrainIncomingAsync(socket, context.RequestAborted);
        _ = receive.ContinueWith(_ => TryCancel(session), TaskScheduler.Default);
        try
        {
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
        if (ended.IsCompletedSuccessfully) await ClosePolicyViolationAsync(socket, ended.Result, receive);
    }

    private static void TryCancel(CancellationTokenSource session)
    {
        try { session.Cancel(); }
        catch (ObjectDisposedException) { }
    }

    /// <summary>Sends the close frame and waits briefly for the client's, which the drain loop receives.</summary>
    private static async Task ClosePolicyViolationAsync(WebSocket socket, string reason, Task receive)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived)) return;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.PolicyViolation, reason, timeout.Token);
            await receive.WaitAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or TimeoutException) { }
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
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or IOException)
        {
        }
    }
}
