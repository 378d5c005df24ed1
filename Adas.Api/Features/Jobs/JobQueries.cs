using System.Security.Claims;
using Adas.Api.Security;
using Adas.Data;
using Adas.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Adas.Api.Features.Jobs;

public static class JobQueries
{
    /// <summary>The jobs the caller may see (object-level authorization); any other job answers 404.</summary>
    public static IQueryable<VideoJob> JobsVisibleTo(this AdasDbContext db, ClaimsPrincipal user) =>
        db.VideoJobs.AsNoTracking().VisibleTo(CurrentUser.From(user));

    public static Task<bool> CanSeeJobAsync(this AdasDbContext db, ClaimsPrincipal user, Guid id, CancellationToken ct) =>
        db.JobsVisibleTo(user).AnyAsync(j => j.Id == id, ct);

    public static async Task<JobResponse?> FindResponseAsync(this AdasDbContext db, ClaimsPrincipal user, Guid id, CancellationToken ct) =>
        await db.JobsVisibleTo(user).Include(j => j.Video).FirstOrDefaultAsync(j => j.Id == id, ct) is { } job
            ? JobResponse.From(job, job.Video!)
            : null;
}
