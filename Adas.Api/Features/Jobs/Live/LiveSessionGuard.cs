using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;
using Adas.Api.Security;
using Adas.Data;
using Microsoft.Extensions.Options;

namespace Adas.Api.Features.Jobs.Live;

/// <summary>Live WebSocket limits (configuration section "Live").</summary>
public sealed class LiveOptions
{
    public const string Section = "Live";

    public int MaxSocketsPerUser { get; set; } = 5;
    /// <summary>How often an open socket re-checks that its account is still active with the same role and fleet.</summary>
    public double AccountRecheckSeconds { get; set; } = 5;
}

/// <summary>
/// Keeps a live socket no longer than its access token is valid and its account unchanged (deactivated, demoted or moved
/// ends it), and caps the sockets one user may hold open.
/// </summary>
public sealed class LiveSessionGuard(IOptions<LiveOptions> options, AccountStatus accounts, IServiceScopeFactory scopes, TimeProvider clock)
{
    private readonly ConcurrentDictionary<Guid, int> _open = new();

    /// <summary>A slot for one more socket of the user, or null when the user already holds the maximum.</summary>
    public IDisposable? TryOpen(CurrentUser user)
    {
        var count = _open.AddOrUpdate(user.Id, 1, (_, n) => n + 1);
        if (count <= options.Value.MaxSocketsPerUser) return new Slot(this, user.Id);
        Release(user.Id);
        return null;
    }

    /// <summary>Completes with the reason when the socket must close: the token expired or the account changed.</summary>
    public async Task<string> UntilEndedAsync(ClaimsPrincipal principal, CancellationToken ct)
    {
        var user = CurrentUser.From(principal);
        var expiresAt = long.TryParse(principal.FindFirstValue("exp"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var exp)
            ? DateTimeOffset.FromUnixTimeSeconds(exp) : clock.GetUtcNow();
        var recheck = TimeSpan.FromSeconds(options.Value.AccountRecheckSeconds);
        while (true)
        {
            var left = expiresAt - clock.GetUtcNow();
            if (left <= TimeSpan.Zero) return "The access token expired; reconnect with a new one.";
            await Task.Delay(left < recheck ? left : recheck, clock, ct);
            await using var scope = scopes.CreateAsyncScope();
            if (!await accounts.StillMatchesAsync(user, scope.ServiceProvider.GetRequiredService<AdasDbContext>(), ct))
                return "The account was deactivated or changed; reconnect with a new token.";
        }
    }

    private void Release(Guid userId)
    {
        if (_open.AddOrUpdate(userId, 0, (_, n) => n - 1) <= 0) _open.TryRemove(new KeyValuePair<Guid, int>(userId, 0));
    }

    private sealed class Slot(LiveSessionGuard guard, Guid userId) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) guard.Release(userId);
        }
    }
}
