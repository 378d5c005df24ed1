using Adas.Api.Security;
using Adas.Data;
using Adas.Data.Entities;
using Adas.Data.Queue;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;

namespace Adas.Api.Features.Jobs.Delete;

/// <summary>Cancels a running job and removes its rows and files (and the stored video when no other job uses it).</summary>
public sealed class Endpoint(AdasDbContext db, DataPaths paths, JobQueue queue) : Endpoint<JobRoute>
{
    public override void Configure()
    {
        Delete("/jobs/{id:guid}");
        Roles(AppRoles.Admin, AppRoles.Manager, AppRoles.Driver);
        Summary(s => s.Summary = "Delete a job: cancels it if running; its results and files are removed");
    }

    public override async Task HandleAsync(JobRoute r, CancellationToken ct)
    {
        var job = await db.JobsVisibleTo(User).Include(j => j.Video).FirstOrDefaultAsync(j => j.Id == r.Id, ct);
        if (job is null)
        {
            await Send.NotFoundAsync(ct);
            return;
        }
        if (job.Status is JobStatus.Processing or JobStatus.Queued) await queue.PublishCancelAsync(job.Id);

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.SafetyEvents.Where(e => e.JobId == job.Id).ExecuteDeleteAsync(ct);
            await db.TrafficSigns.Where(s => s.JobId == job.Id).ExecuteDeleteAsync(ct);
            await db.DriverStates.Where(s => s.JobId == job.Id).ExecuteDeleteAsync(ct);
            await db.VideoJobs.Where(j => j.Id == job.Id).ExecuteDeleteAsync(ct);
            var videoOrphaned = !await db.VideoJobs.AnyAsync(j => j.VideoId == job.VideoId, ct);
            if (videoOrphaned) await db.Videos.Where(v => v.Id == job.VideoId).ExecuteDeleteAsync(ct);
            await transaction.CommitAsync(ct);
            if (videoOrphaned) TryDelete(() => File.Delete(job.Video!.StoragePath));
        });
        TryDelete(() => Directory.Delete(paths.ResultsFor(job.Id), recursive: true));
        await Send.NoContentAsync(ct);
    }

    private static void TryDelete(Action delete)
    {
        try { delete(); }
        catch (IOException) { }
    }
}
