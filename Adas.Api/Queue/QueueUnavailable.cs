using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using StackExchange.Redis;

namespace Adas.Api.Queue;

/// <summary>While the job queue (Redis) is unreachable, requests that need it answer 503 with Retry-After, not a generic 500.</summary>
public static class QueueUnavailable
{
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    public static bool IsQueueFailure(Exception exception) =>
        exception is RedisConnectionException or RedisTimeoutException
        || exception.InnerException is { } inner && IsQueueFailure(inner);

    public static async Task WriteAsync(HttpContext http)
    {
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = ((int)RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The job queue is unavailable",
                Detail = $"The job queue cannot be reached right now; nothing was stored. Retry after {(int)RetryAfter.TotalSeconds} s.",
            },
        });
    }
}

/// <summary>A queue failure anywhere in a request becomes the 503 problem.</summary>
public sealed class QueueUnavailableExceptionHandler(ILogger<QueueUnavailableExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (!QueueUnavailable.IsQueueFailure(exception) || http.Response.HasStarted) return false;
        logger.LogWarning("{Method} {Path}: the job queue is unavailable ({Reason})", http.Request.Method, http.Request.Path, exception.Message);
        await QueueUnavailable.WriteAsync(http);
        return true;
    }
}
