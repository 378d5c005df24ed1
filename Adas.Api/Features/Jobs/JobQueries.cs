using Adas.Data;
using Adas.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Adas.Api.Features.Jobs;

public static class JobQueries
{
    public static IQueryable<VideoJob> WithVideo(this AdasDbContext db) => db.VideoJobs.AsNoTracking().Include(j => j.Video);

    public static async Task<JobResponse?> FindResponseAsync(this AdasDbContext db, Guid id, CancellationToken ct) =>
        await db.WithVideo().FirstOrDefaultAsync(j => j.Id == id, ct) is { } job ? JobResponse.From(job, job.Video!) : null;
}
