using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using Adas.Api.Security;
using Adas.Data.Queue;
using StackExchange.Redis;

namespace Adas.Api.Features.Jobs.Live;

/// <summary>
/// <c>GET /api/jobs/live</c> (WebSocket): pushes every job progress message the caller may see, as JSON
/// <c>{type: "job", jobId, status, progress, errorMessage}</c>, relayed from the Redis progress channel, and every new
/// alert the caller may see as <c>{type: "alert", alert: {...}}</c>, from the Redis alert channel, and every review
/// verdict on events the caller may see as <c>{type: "review", events: [...]}</c>.
/// </summary>
public static class LiveUpdatesEndpoint
{
    public const string Route = "/api/jobs/live";

    public static RouteHandlerBuilder MapJobLiveUpdates(this WebApplication app) =>
        app.MapGet(Route, HandleAsync).RequireAuthorization().WithTags("Jobs")
            .WithSummary("WebSocket of live progress for the jobs, and of the new alerts, the caller may see (token in the Authorization header or ?access_token=)");

    private static async Task HandleAsync(HttpContext context, IConnectionMultiplexer redis, JobVisibility visibility,
        LiveAlertMessages alerts, LiveReviewMessages reviews, LiveSessionGuard guard)
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
        // Subscribed before the handshake completes, so nothing published after the client is connected is missed.
        var outbox = Channel.CreateBounded<(LiveKind Kind, string Message)>(new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest });
        var subscriber = redis.GetSubscriber();
        var progressQueue = await subscriber.SubscribeAsync(JobQueue.ProgressChannel);
        progressQueue.OnMessage(message => outbox.Writer.TryWrite((LiveKind.Progress, message.Message.ToString())));
        var alertQueue = await subscriber.SubscribeAsync(JobQueue.AlertChannel);
        alertQueue.OnMessage(message => outbox.Writer.TryWrite((LiveKind.Alert, message.Message.ToString())));
        var reviewQueue = await subscriber.SubscribeAsync(JobQueue.ReviewChannel);
        reviewQueue.OnMessage(message => outbox.Writer.TryWrite((LiveKind.Review, message.Message.ToString())));
        try
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            await RelayAsync(context, socket, outbox.Reader, new LiveFilters(visibility, alerts, reviews), guard);
        }
        finally
        {
            await progressQueue.UnsubscribeAsync();
            await alertQueue.UnsubscribeAsync();
            await reviewQueue.UnsubscribeAsync();
        }
    }

    private enum LiveKind { Progress, Alert, Review }

    private sealed record LiveFilters(JobVisibility Visibility, LiveAlertMessages Alerts, LiveReviewMessages Reviews)
    {
        public async Task<string?> ForAsync(HttpContext context, LiveKind kind, string message, CancellationToken ct) => kind switch
        {
            LiveKind.Alert => await Alerts.ForAsync(context.User, message, ct),
            LiveKind.Review => await Reviews.ForAsync(context.User, message, ct),
            _ => await Visibility.CanSeeAsync(context.User, message, ct) ? message : null,
        };
    }

    private static async Task RelayAsync(HttpContext context, WebSocket socket, ChannelReader<(LiveKind Kind, string Message)> outbox,
        LiveFilters filters, LiveSessionGuard guard)
    {
        using var session = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        var ended = guard.UntilEndedAsync(context.User, session.Token);
        _ = ended.ContinueWith(_ => TryCancel(session), TaskScheduler.Default);
        var aborted = session.Token;
        var receive = DrainIncomingAsync(socket, context.RequestAborted);
        _ = receive.ContinueWith(_ => TryCancel(session), TaskScheduler.Default);
        try
        {
            await foreach (var (kind, message) in outbox.ReadAllAsync(aborted))
            {
                if (receive.IsCompleted) break;
                var json = await filters.ForAsync(context, kind, message, aborted);
                if (json is null) continue;
                await socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, aborted);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
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
