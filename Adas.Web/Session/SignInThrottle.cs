using System.Net;
using System.Threading.RateLimiting;
using Adas.ServiceDefaults;
using Adas.Web.Extensions;
using Microsoft.Extensions.Options;

namespace Adas.Web.Session;

/// <summary>
/// The sign-in form's own brake, per browser address: one browser hammering /login is refused here, before the API,
/// so it cannot spend the API's per-address or per-account allowance that other browsers need.
/// </summary>
public sealed class SignInThrottle(IOptions<WebOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<IPAddress> _limiter = PartitionedRateLimiter.Create<IPAddress, IPAddress>(address =>
        RateLimitPartition.GetFixedWindowLimiter(ClientKey.Of(address), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.SignInAttemptsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    /// <summary>Null when the attempt may go ahead, else how long this browser has to wait.</summary>
    public TimeSpan? TryBegin(IPAddress? browser)
    {
        using var lease = _limiter.AttemptAcquire(browser ?? IPAddress.None);
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
    }

    public void Dispose() => _limiter.Dispose();
}
