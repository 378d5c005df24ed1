using Adas.Data;
using Adas.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Adas.Api.Features.Jobs.Create;

/// <summary>
/// Per-user upload quota: jobs started per hour (429 with Retry-After) and bytes of video stored for the user's jobs
/// (413), checked before the body is read and again once its size is known.
/// </summary>
public sealed class UploadQuota(AdasDbContext db, IOptions<UploadOptions> options, TimeProvider clock)
{
    private UploadOptions Limits => options.Value;

    public async Task CheckBeforeUploadAsync(Guid userId, CancellationToken ct)
    {
        var hourAgo = clock.GetUtcNow().UtcDateTime.AddHours(-1);
        var recent = await db.VideoJobs.Where(j => j.OwnerId == userId && j.CreatedAt > hourAgo)
            .OrderBy(j => j.CreatedAt).Select(j => j.CreatedAt).Take(Limits.JobsPerHourPerUser).ToListAsync(ct);
        if (recent.Count >= Limits.JobsPerHourPerUser)
            throw new UploadProblem(429, "Upload quota reached",
                $"You may start {Limits.JobsPerHourPerUser} analyses per hour; wait before uploading again.",
                recent[0].AddHours(1) - clock.GetUtcNow().UtcDateTime);
        var stored = await StoredBytesAsync(userId, ct);
        if (stored >= Limits.MaxStoredBytesPerUser) throw StorageFull(stored);
    }

    public async Task CheckStoredAsync(Guid userId, ReceivedUpload upload, CancellationToken ct)
    {
        var alreadyYours = await db.VideoJobs.AnyAsync(j => j.OwnerId == userId && j.Video!.Sha256 == upload.Sha256, ct);
        if (alreadyYours) return;
        var stored = await StoredBytesAsync(userId, ct);
        if (stored + upload.SizeBytes > Limits.MaxStoredBytesPerUser) throw StorageFull(stored);
    }

    private Task<long> StoredBytesAsync(Guid userId, CancellationToken ct) =>
        db.Videos.Where(v => db.VideoJobs.Any(j => j.VideoId == v.Id && j.OwnerId == userId)).SumAsync(v => v.SizeBytes, ct);

    private UploadProblem StorageFull(long stored) => new(413, "Storage quota reached",
        $"Your videos use {stored:N0} of {Limits.MaxStoredBytesPerUser:N0} bytes; delete finished jobs you no longer need or ask an admin to raise Uploads:MaxStoredBytesPerUser.");
}
