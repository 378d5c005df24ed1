using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Adas.ServiceDefaults;

/// <summary>
/// Unhealthy when the check has not answered in time, whether or not it honours cancellation: the Redis client's PING
/// ignores the token and waits for its reconnect until its own command timeout (5 s).
/// </summary>
public sealed class TimeBoundHealthCheck(IHealthCheck inner, TimeSpan timeout) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await inner.CheckHealthAsync(context, cancellationToken).WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"no answer within {timeout.TotalSeconds:0.#} s");
        }
    }
}
