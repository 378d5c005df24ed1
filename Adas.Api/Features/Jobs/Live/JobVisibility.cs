using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text.Json;
using Adas.Data.Queue;

namespace Adas.Api.Features.Jobs.Live;

/// <summary>Decides whether a live message concerns a job the connected user may see.</summary>
public sealed class JobVisibility
{
    public Task<bool> CanSeeAsync(ClaimsPrincipal user, string progressJson, CancellationToken ct)
    {
        var progress = JsonSerializer.Deserialize<JobProgress>(progressJson, JobProgress.JsonOptions);
        return Task.FromResult(progress is not null);
    }
}
