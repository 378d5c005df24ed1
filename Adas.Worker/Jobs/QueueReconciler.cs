using Adas.Data;
using Adas.Data.Entities;
using Adas.Data.Queue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Adas.Worker.Jobs;

/// <summary>
/// The database is the record of truth: a queued job with no entry on the stream or in the retry set
/// (Redis restarted without its data, or wiped) is enqueued again.
/// </summary>
public sealed class QueueReconciler(IServiceScopeFactory scopes, JobQueue queue, IOptions<JobOptions> options,
    ILogger<QueueReconciler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ReconcileInterval);
        do
        {
            try
            {
                await ReconcileAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException or DbUpdateException)
            {
                logger.LogWarning("Reconciling the queue failed ({Reason}); will retry", ex.Message);
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<int> ReconcileAsync(CancellationToken cancellationToken)
    {
        await queue.EnsureGroupAsync();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AdasDbContext>();
        var cutoff = DateTime.UtcNow - options.Value.ReconcileGrace;
        var queued = await db.VideoJobs.Where(j => j.Status == JobStatus.Queued && j.CreatedAt < cutoff)
            .OrderBy(j => j.CreatedAt).ThenBy(j => j.Id) // oldest first, as they were uploaded
            .Select(j => j.Id).ToListAsync(cancellationToken);
        if (queued.Count == 0) return 0;
        var known = await queue.KnownJobIdsAsync();
        var lost = queued.Where(id => !known.Contains(id)).ToList();
        foreach (var jobId in lost)
        {
            await queue.EnqueueAsync(jobId);
            logger.LogWarning("Re-enqueued job {JobId} that Redis had lost", jobId);
        }
        return lost.Count;
    }
}
