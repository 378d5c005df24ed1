using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text.Json;
using Adas.Data;
using Adas.Data.Queue;

namespace Adas.Api.Features.Jobs.Live;

/// <summary>
/// Decides whether a live message concerns a job the connected user may see, asking the database once per
/// job and connection (a job's visibility does not change while it runs).
/// </summary>
public sealed class JobVisibility(AdasDbContext db)
{
    private readonly ConcurrentDictionary<Guid, bool> _known = new();

    public async Task<bool> CanSeeAsync(ClaimsPrincipal user, string progressJson, CancellationToken ct)
    {
        var progress = JsonSerializer.Deserialize<JobProgress>(progressJson, JobProgress.JsonOptions);
        if (progress is null) return false;
        if (_known.TryGetValue(progress.JobId, out var visible)) return visible;
        visible = await db.CanSeeJobAsync(user, progress.JobId, ct);
        _known[progress.JobId] = visible;
        return visible;
    }
}
