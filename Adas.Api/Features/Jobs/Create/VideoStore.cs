using Adas.Data;
using Adas.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Adas.Api.Features.Jobs.Create;

/// <summary>Keeps each distinct upload once, named by its SHA-256.</summary>
public sealed class VideoStore(AdasDbContext db, DataPaths paths)
{
    public async Task<StoredVideo> StoreAsync(ReceivedUpload upload, CancellationToken ct)
    {
        var existing = await db.Videos.FirstOrDefaultAsync(v => v.Sha256 == upload.Sha256, ct);
        if (existing is not null && File.Exists(existing.StoragePath))
        {
            File.Delete(upload.TempPath);
            return existing;
        }

        var folder = Path.Combine(paths.Videos, upload.Sha256[..2]);
        Directory.CreateDirectory(folder);
        var target = Path.Combine(folder, upload.Sha256 + upload.Extension);
        File.Move(upload.TempPath, target, overwrite: true);
        if (existing is not null)
        {
            existing.StoragePath = target;
            await db.SaveChangesAsync(ct);
            return existing;
        }

        var video = new StoredVideo { Sha256 = upload.Sha256, SizeBytes = upload.SizeBytes, StoragePath = target, Container = upload.Container };
        db.Videos.Add(video);
        try
        {
            await db.SaveChangesAsync(ct);
            return video;
        }
        catch (DbUpdateException)
        {
            // The same content was stored by a concurrent upload in the meantime.
            db.Entry(video).State = EntityState.Detached;
            return await db.Videos.FirstAsync(v => v.Sha256 == upload.Sha256, ct);
        }
    }
}
