using Adas.Data;
using Adas.Data.Entities;
using Adas.Data.Results;
using Adas.Perception.Analysis;
using Microsoft.EntityFrameworkCore;

namespace Adas.Worker.Jobs;

/// <summary>
/// Writes a job's results idempotently: in one transaction the job's previous rows (from a crashed or retried
/// run) are removed and the new ones inserted in batches, so a job never has two sets of results.
/// </summary>
public sealed class ResultWriter(AdasDbContext db, DataPaths paths)
{
    /// <summary>Writes the results; answers how many events were written and the ids of the alerts they raised.</summary>
    public async Task<WrittenResults> ReplaceResultsAsync(VideoJob job, AnalysisOutput output, CancellationToken cancellationToken)
    {
        var trip = job.TripId is { } tripId ? await db.Trips.AsNoTracking().FirstOrDefaultAsync(t => t.Id == tripId, cancellationToken) : null;
        var driverId = trip?.DriverId ?? job.OwnerId;
        var videoStart = trip?.StartedAt ?? job.CreatedAt;

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.DeleteResultsOfJobAsync(job.Id, cancellationToken);

            var snapshotDir = Path.Combine(paths.ResultsFor(job.Id), "snapshots");
            var events = new List<SafetyEvent>();
            foreach (var e in output.Events)
            {
                var entity = ResultMapper.ToEntity(e, job, driverId, videoStart);
                if (e.Snapshot is { Length: > 0 } jpeg)
                {
                    Directory.CreateDirectory(snapshotDir);
                    entity.SnapshotPath = Path.Combine(snapshotDir, $"{entity.Id:N}.jpg");
                    await File.WriteAllBytesAsync(entity.SnapshotPath, jpeg, cancellationToken);
                }
                events.Add(entity);
            }
            db.SafetyEvents.AddRange(events);
            var alerts = events.Where(ResultMapper.RaisesAlert).Select(e => ResultMapper.ToAlert(e, job)).ToList();
            db.Alerts.AddRange(alerts);
            db.TrafficSigns.AddRange(output.Signs.Select(s => ResultMapper.ToEntity(s, job.Id)));
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();

            foreach (var batch in output.DriverStates.Chunk(500))
            {
                db.DriverStates.AddRange(batch.Select(s => ResultMapper.ToEntity(s, job.Id)));
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
            await transaction.CommitAsync(cancellationToken);
            return new WrittenResults(events.Count, [.. alerts.Select(a => a.Id)]);
        });
    }
}

public sealed record WrittenResults(int EventCount, IReadOnlyList<Guid> AlertIds);
