namespace Adas.Api.Security;

/// <summary>
/// Brake on password guessing, keyed by account + client address (so a stranger's wrong passwords do not lock the
/// owner out) with a slower global limit per account. Checking and counting are one step: an attempt reserves a slot
/// under a lock before the password is verified and gives it back only when the password was right, so parallel
/// requests cannot exceed the limit.
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

    /// <summary>Reserves an attempt, or returns how long to wait. Dispose the attempt after <see cref="Attempt.Succeeded"/> or failure.</summary>
    public (Attempt? Attempt, TimeSpan RetryAfter) TryBegin(string account, string? clientAddress)
    {
        var name = account.Trim().ToLowerInvariant();
        var local = ($"{name}|{clientAddress ?? "unknown"}", options.FailuresPerAccount, TimeSpan.FromSeconds(options.WindowSeconds));
        var global = (name, options.FailuresPerAccountGlobal, TimeSpan.FromSeconds(options.GlobalWindowSeconds));
        var now = clock.GetUtcNow().UtcDateTime;
        lock (_lock)
        {
            if (_windows.Count > 10_000) Prune(now);
            var wait = Wait(local, now);
            if (Wait(global, now) is { } globalWait && (wait is null || globalWait > wait)) wait = globalWait;
            if (wait is { } retryAfter) return (null, retryAfter);
            Take(local.Item1, now);
            Take(global.Item1, now);
        }
        return (new Attempt(this, local.Item1, global.Item1), TimeSpan.Zero);
    }

    private TimeSpan? Wait((string Key, int Limit, TimeSpan Length) window, DateTime now)
    {
        if (!_windows.TryGetValue(window.Key, out var current) || now - current.Start >= window.Length) return null;
        return current.Used < window.Limit ? null : current.Start + window.Length - now;
    }

    private void Take(string key, DateTime now)
    {
        var length = TimeSpan.FromSeconds(key.Contains('|') ? options.WindowSeconds : options.GlobalWindowSeconds);
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
    public sealed class Attempt(LoginThrottle throttle, string localKey, string globalKey)
    {
        private bool _settled;

        public void Succeeded()
        {
            if (_settled) return;
            _settled = true;
            throttle.GiveBack(localKey);
            throttle.GiveBack(globalKey);
        }
    }
}
