using System.Data;
using Adas.Api.Features.Shared;
using Adas.Api.Security;
using Adas.Data;
using Adas.Data.Entities;
using Adas.Data.Queue;
using Adas.Data.Results;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;

namespace Adas.Api.Features.Jobs.Delete;

/// <summary>
/// Cancels a running job and removes its rows and files (and the stored video when no other job uses it), leaving a
/// <see cref="JobDeletion"/> audit record. Analysed evidence (a job with events) may only be deleted by admins and
/// the manager of the job's fleet; drivers may delete only their own uploads that have no events.
/// </summary>
public sealed class Endpoint(AdasDbContext db, DataPaths paths, JobQueue queue, FinishedJobCache finished, TimeProvider clock)
    : Endpoint<JobRoute>
{
    public override void Configure()
    {
        Delete("/jobs/{id:guid}");
        Roles(AppRoles.Admin, AppRoles.Manager, AppRoles.Driver);
        Summary(s => s.Summary = "Delete a job: cancels it if running; its results and files are removed and the deletion is audited");
    }

    public override async Task HandleAsync(JobRoute r, CancellationToken ct)
    {
        var caller = CurrentUser.From(User);
        var job = await db.JobsVisibleTo(User).Include(j => j.Video).FirstOrDefaultAsync(j => j.Id == r.Id, ct);
        if (job is null)
        {
            await Send.NotFoundAsync(ct);
            return;
        }
        var strategy = db.Database.CreateExecutionStrategy();
        var refusal = await strategy.ExecuteAsync(async () =>
        {
            // The evidence is counted and the rule decided inside the (write-locking) transaction: the worker cannot
            // write the job's events between the count and the delete.
            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, ct);
            var current = await db.VideoJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == job.Id, ct);
            if (current is null) return Vanished;
            job.Status = current.Status;
            var audit = await CountEvidenceAsync(job, caller, ct);
            if (JobDeletionRules.RefusalFor(caller, job, audit.EventCount) is { } refused) return refused;
            db.JobDeletions.Add(audit);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            await db.DeleteResultsOfJobAsync(job.Id, ct);
            await db.VideoJobs.Where(j => j.Id == job.Id).ExecuteDeleteAsync(ct);
            var videoOrphaned = !await db.VideoJobs.AnyAsync(j => j.VideoId == job.VideoId, ct);
            if (videoOrphaned) await db.Videos.Where(v => v.Id == job.VideoId).ExecuteDeleteAsync(ct);
            await transaction.CommitAsync(ct);
            if (videoOrphaned && DataPaths.IsInside(paths.Videos, job.Video!.StoragePath)) TryDelete(() => File.Delete(job.Video.StoragePath));
            return null;
        });
        if (ReferenceEquals(refusal, Vanished))
        {
            await Send.NotFoundAsync(ct);
            return;
        }
        if (refusal is not null)
        {
            await Send.ResultAsync(Problems.Forbidden(refusal));
            return;
        }
        if (job.Status is JobStatus.Processing or JobStatus.Queued) await queue.PublishCancelAsync(job.Id);
        finished.Forget(job.Id);
        TryDelete(() => Directory.Delete(paths.ResultsFor(job.Id), recursive: true));
        await Send.NoContentAsync(ct);
    }

    private const string Vanished = "the job was deleted meanwhile";

    private async Task<JobDeletion> CountEvidenceAsync(VideoJob job, CurrentUser caller, CancellationToken ct) => new()
    {
        JobId = job.Id, FileName = job.FileName, Sha256 = job.Video!.Sha256, VideoType = job.VideoType, Status = job.Status,
        OwnerId = job.OwnerId, TripId = job.TripId, FleetId = job.FleetId, DeletedById = caller.Id, DeletedByRole = caller.Role,
        DeletedAt = clock.GetUtcNow().UtcDateTime,
        EventCount = await db.SafetyEvents.CountAsync(e => e.JobId == job.Id, ct),
        AlertCount = await db.Alerts.CountAsync(a => a.JobId == job.Id, ct),
        TrafficSignCount = await db.TrafficSigns.CountAsync(s => s.JobId == job.Id, ct),
        DriverStateCount = await db.DriverStates.CountAsync(s => s.JobId == job.Id, ct),
    };

    private static void TryDelete(Action delete)
    {
        try { delete(); }
        catch (IOException) { }
    }
}
