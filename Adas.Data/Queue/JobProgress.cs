using System.Text.Json;

namespace Adas.Data.Queue;

/// <summary>A live update about one job, published on <see cref="JobQueue.ProgressChannel"/>.</summary>
public sealed record JobProgress(Guid JobId, string Status, int Progress, string? ErrorMessage = null)
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}
