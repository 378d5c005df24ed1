namespace Adas.Api.Features.Jobs.Create;

/// <summary>Why an upload was refused; becomes a problem-details response (with Retry-After when waiting helps).</summary>
public sealed class UploadProblem(int status, string title, string detail, TimeSpan? retryAfter = null) : Exception(detail)
{
    public int Status { get; } = status;
    public string Title { get; } = title;
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
