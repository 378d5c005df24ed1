namespace Adas.Api.Features.Jobs.Create;

/// <summary>Why an upload was refused; becomes a problem-details response.</summary>
public sealed class UploadProblem(int status, string title, string detail) : Exception(detail)
{
    public int Status { get; } = status;
    public string Title { get; } = title;
}
