using System.Threading.RateLimiting;

namespace Adas.Api.Security;

/// <summary>
/// Per-account brake on password guessing: each wrong password takes a permit from the account's window;
/// when none is left, further attempts are refused (429) until the window resets.
/// </summary>
public sealed class LoginThrottle(LoginRateLimitOptions options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _failures = PartitionedRateLimiter.Create<string, string>(account =>
        RateLimitPartition.GetFixedWindowLimiter(account, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.FailuresPerAccount,
            Window = TimeSpan.FromSeconds(options.WindowSeconds),
            QueueLimit = 0,
        }));

    /// <summary>Null when the account may try; otherwise how long to wait.</summary>
    public TimeSpan? Check(string account)
    {
        using var lease = _failures.AttemptAcquire(Key(account), 0);
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? retryAfter : TimeSpan.FromSeconds(options.WindowSeconds);
    }

    public void RecordFailure(string account)
    {
        using var _ = _failures.AttemptAcquire(Key(account));
    }

    private static string Key(string account) => account.Trim().ToLowerInvariant();

    public void Dispose() => _failures.Dispose();
}
