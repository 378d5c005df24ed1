namespace Adas.Web.Session;

/// <summary>Every minute: expired sessions are dropped and their refresh tokens revoked at the API (14 days valid otherwise).</summary>
public sealed class SessionSweeper(SessionStore sessions, IServiceScopeFactory scopes, ILogger<SessionSweeper> logger, TimeProvider clock)
    : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken)) await SweepAsync(stoppingToken);
    }

    public async Task SweepAsync(CancellationToken ct)
    {
        var expired = sessions.TakeExpired();
        if (expired.Count == 0) return;
        await using var scope = scopes.CreateAsyncScope();
        var auth = scope.ServiceProvider.GetRequiredService<AuthApi>();
        foreach (var session in expired)
            await auth.TryLogoutAsync(session, logger, ct);
    }
}
