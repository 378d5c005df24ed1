using System.Text.Json;

namespace Adas.Data.Queue;

/// <summary>A live update about one job, published on <see cref="JobQueue.ProgressChannel"/>.</summary>
public sealed record JobProgress(Guid JobId, string Status, int Progress, string? ErrorMessage = null)
{
    /// <summary>Tells live clients a job message from an alert message on the same socket.</summary>
    public string Type => "job";

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}
