using System.Net;
using Adas.ServiceDefaults;

namespace Adas.Api.Security;

/// <summary>
/// Brake on password guessing, keyed by account + client address (IPv6 by /64, so a stranger's wrong passwords do not
/// lock the owner out) with a slower global window per account. Checking and counting are one step: an attempt reserves
/// a slot under a lock before the password is verified and gives it back only when the password was right, so parallel
/// requests cannot exceed the limit. A full global window never refuses a password outright (ten addresses must not lock
/// an account): it leaves each address one attempt per window and the caller slows the failures down.
/// </summary>
public sealed class LoginThrottle(LoginRateLimitOptions options, TimeProvider clock)
{
    private sealed class Window
    {
        public DateTime Start;
        public int Used;
    }

    private readonly Dictionary<string, Window> _windows = [];
    private readonly Lock _lock = new();

    /// <summary>Reserves an attempt, or returns how long to wait. Call <see cref="Attempt.Succeeded"/> when the password was right.</summary>
    public (Attempt? Attempt, TimeSpan RetryAfter) TryBegin(string account, IPAddress? clientAddress)
    {
        var name = account.Trim().ToLowerInvariant();
        var localKey = $"{name}|{ClientKey.Text(clientAddress)}";
        var now = clock.GetUtcNow().UtcDateTime;
        lock (_lock)
        {
            if (_windows.Count > 10_000) Prune(now);
            var underAttack = Wait(name, options.FailuresPerAccountGlobal, GlobalWindow, now) is not null;
            var localLimit = underAttack ? 1 : options.FailuresPerAccount;
            if (Wait(localKey, localLimit, LocalWindow, now) is { } retryAfter) return (null, retryAfter);
            Take(localKey, LocalWindow, now);
            Take(name, GlobalWindow, now);
            return (new Attempt(this, localKey, name, underAttack), TimeSpan.Zero);
        }
    }

    private TimeSpan LocalWindow => TimeSpan.FromSeconds(options.WindowSeconds);
    private TimeSpan GlobalWindow => TimeSpan.FromSeconds(options.GlobalWindowSeconds);

    private TimeSpan? Wait(string key, int limit, TimeSpan length, DateTime now)
    {
        if (!_windows.TryGetValue(key, out var current) || now - current.Start >= length) return null;
        return current.Used < limit ? null : current.Start + length - now;
    }

    private void Take(string key, TimeSpan length, DateTime now)
    {
        if (!_windows.TryGetValue(key, out var window) || now - window.Start >= length)
            _windows[key] = window = new Window { Start = now };
        window.Used++;
    }

    private void GiveBack(string key)
    {
        lock (_lock)
        {
            if (_windows.TryGetValue(key, out var window) && window.Used > 0) window.Used--;
        }
    }

    private void Prune(DateTime now)
    {
        var longest = TimeSpan.FromSeconds(Math.Max(options.WindowSeconds, options.GlobalWindowSeconds));
        foreach (var key in _windows.Where(w => now - w.Value.Start >= longest).Select(w => w.Key).ToList()) _windows.Remove(key);
    }

    /// <summary>One reserved attempt: counts as a failure unless <see cref="Succeeded"/> is called.</summary>
    public sealed class Attempt(LoginThrottle throttle, string localKey, string globalKey, bool underAttack)
    {
        private bool _settled;

        /// <summary>The account's global window is full: a failure should be answered slowly.</summary>
        public bool UnderAttack { get; } = underAttack;

        public void Succeeded()
        {
            if (_settled) return;
            _settled = true;
            throttle.GiveBack(localKey);
            throttle.GiveBack(globalKey);
        }
    }
}
