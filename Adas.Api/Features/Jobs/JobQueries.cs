using Adas.Data;
using Adas.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Adas.Api.Features.Jobs;

public static class JobQueries
{
    public static IQueryable<VideoJob> WithVideo(this AdasDbContext db) => db.VideoJobs.AsNoTracking().Include(j => j.Video);

    private static readonly Func<AdasDbContext, Guid, CancellationToken, Task<VideoJob?>> ById =
        EF.CompileAsyncQuery((AdasDbContext db, Guid id, CancellationToken ct) =>
            db.VideoJobs.AsNoTracking().Include(j => j.Video).FirstOrDefault(j => j.Id == id));

    public static async Task<JobResponse?> FindResponseAsync(this AdasDbContext db, Guid id, CancellationToken ct) =>
        await ById(db, id, ct) is { } job ? JobResponse.From(job, job.Video!) : null;
}
