using System.Net.WebSockets;
using System.Text.Json;
using Adas.ServiceDefaults;
using Adas.Web.Api;
using Adas.Web.Session;

namespace Adas.Web.Live;

public sealed record JobUpdate(Guid JobId, string Status, int Progress, string? ErrorMessage);

/// <summary>
/// The API's live socket for one browser circuit: job progress, new alerts and review verdicts, raised as events for the pages and
/// the toasts. Connected on first use with the session's token; reconnects (with a fresh token) when the API
/// closes it, e.g. when the access token expires. Closed while the browser is disconnected (Blazor keeps a
/// disconnected circuit for minutes, and the API caps each user's sockets).
/// </summary>
public sealed class LiveFeed(CurrentUser currentUser, AccessTokens tokens, IConfiguration configuration, ILogger<LiveFeed> logger)
    : IAsyncDisposable
{
    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(2);
    private readonly Lock _gate = new();
    private bool _wanted;
    private bool _browserConnected = true;
    private CancellationTokenSource? _run;
    private Task? _loop;

    public event Action<JobUpdate>? JobChanged;
    public event Action<AlertDto>? AlertRaised;
    /// <summary>Events whose review verdict someone just changed.</summary>
    public event Action<IReadOnlyList<EventDto>>? ReviewChanged;

    public void Start()
    {
        lock (_gate)
        {
            _wanted = true;
            if (_loop is not null || !_browserConnected) return;
            _run = new CancellationTokenSource();
            var stop = _run.Token;
            _loop = Task.Run(() => RunAsync(stop));
        }
    }

    /// <summary>The browser went away (maybe for good): the socket closes until it is back.</summary>
    public Task PauseAsync()
    {
        lock (_gate) _browserConnected = false;
        return StopLoopAsync();
    }

    public void Resume()
    {
        lock (_gate) _browserConnected = true;
        if (_wanted) Start();
    }

    private async Task StopLoopAsync()
    {
        CancellationTokenSource? run;
        Task? loop;
        lock (_gate)
        {
            (run, loop) = (_run, _loop);
            (_run, _loop) = (null, null);
        }
        if (run is null) return;
        await run.CancelAsync();
        if (loop is not null) await loop.ContinueWith(_ => { }, TaskScheduler.Default);
        run.Dispose();
    }

    private async Task RunAsync(CancellationToken stop)
    {
        var user = await currentUser.GetAsync();
        while (!stop.IsCancellationRequested)
        {
            try
            {
                if (await tokens.ForAsync(user, stop) is not { } token) return;
                using var socket = new ClientWebSocket();
                socket.Options.SetRequestHeader("Authorization", $"Bearer {token}");
                await socket.ConnectAsync(SocketUri(), stop);
                await ReceiveAsync(socket, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is WebSocketException or HttpRequestException or JsonException or ApiProblem)
            {
                logger.LogDebug(ex, "Live socket dropped; reconnecting");
            }
            await Task.Delay(ReconnectDelay, stop).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private async Task ReceiveAsync(ClientWebSocket socket, CancellationToken stop)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (socket.State == WebSocketState.Open && !stop.IsCancellationRequested)
        {
            var result = await socket.ReceiveAsync(buffer, stop);
            if (result.MessageType == WebSocketMessageType.Close) return;
            message.Write(buffer, 0, result.Count);
            if (!result.EndOfMessage) continue;
            Dispatch(JsonDocument.Parse(message.ToArray()).RootElement);
            message.SetLength(0);
        }
    }

    private void Dispatch(JsonElement message)
    {
        var type = message.TryGetProperty("type", out var t) ? t.GetString() : "job";
        if (type == "alert" && message.TryGetProperty("alert", out var alert))
            AlertRaised?.Invoke(alert.Deserialize<AlertDto>(ApiJson.Options)!);
        else if (type == "review" && message.TryGetProperty("events", out var events))
            ReviewChanged?.Invoke(events.Deserialize<List<EventDto>>(ApiJson.Options)!);
        else if (type == "job")
            JobChanged?.Invoke(message.Deserialize<JobUpdate>(ApiJson.Options)!);
    }

    // The same address the typed clients reach through service discovery (the AppHost's services__api__http__0).
    private Uri SocketUri()
    {
        var api = configuration[$"services:{ResourceNames.Api}:http:0"] ?? configuration["Api:BaseUrl"]
            ?? throw new InvalidOperationException($"No address for the API (services:{ResourceNames.Api}:http:0 or Api:BaseUrl).");
        return new UriBuilder(api) { Scheme = api.StartsWith("https", StringComparison.Ordinal) ? "wss" : "ws", Path = "/api/jobs/live" }.Uri;
    }

    public async ValueTask DisposeAsync()
    {
        lock (_gate) _wanted = false;
        await StopLoopAsync();
    }
}
