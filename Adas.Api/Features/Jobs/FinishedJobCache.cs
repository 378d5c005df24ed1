using Adas.Api.Security;
using Adas.Data.Entities;
using Microsoft.Extensions.Caching.Memory;

namespace Adas.Api.Features.Jobs;

/// <summary>
/// A finished job (completed, failed, cancelled) no longer changes, so its response is kept per caller for as long as
/// account checks are cached (<see cref="AccountStatus.CacheFor"/>): repeated polls skip the database. Visibility was
/// decided by the database for that caller; a deleted job is forgotten at once.
/// </summary>
public sealed class FinishedJobCache(IMemoryCache cache)
{
    public static bool IsFinished(JobStatus status) => status is JobStatus.Completed or JobStatus.Failed or JobStatus.Cancelled;

    public bool TryGet(Guid userId, Guid jobId, out JobResponse? response)
    {
        response = null;
        return !cache.TryGetValue(DeletedKey(jobId), out _) && cache.TryGetValue(Key(userId, jobId), out response);
    }

    public void Remember(Guid userId, JobResponse job)
    {
        if (IsFinished(job.Status) && !cache.TryGetValue(DeletedKey(job.Id), out _))
            cache.Set(Key(userId, job.Id), job, AccountStatus.CacheFor);
    }

    public void Forget(Guid jobId) => cache.Set(DeletedKey(jobId), true, AccountStatus.CacheFor);

    /// <summary>A validator for conditional GETs of a finished job; null while it can still change.</summary>
    public static string? ETag(JobResponse job) => IsFinished(job.Status)
        ? $"\"{job.Id:N}-{job.Status}-{job.Attempts}-{job.CompletedAt?.Ticks ?? 0}\""
        : null;

    private static string Key(Guid userId, Guid jobId) => $"finished-job:{userId:N}:{jobId:N}";
    private static string DeletedKey(Guid jobId) => $"deleted-job:{jobId:N}";
}
