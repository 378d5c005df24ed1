using System.Globalization;
using Adas.Data;
using Adas.Data.Entities;
using Adas.Perception.Video;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Adas.Worker.Jobs.Clips;

/// <summary>
/// Cuts a short H.264 clip from the annotated video for each warning and critical event of a finished job and records
/// its path on the event. Clips are re-encoded, so each starts on a key frame at the exact second and plays from its
/// first frame in a browser. A clip that cannot be cut is logged and left out; it never fails the job.
/// </summary>
public sealed class EventClipCutter(AdasDbContext db, IOptions<ClipOptions> options, ILogger<EventClipCutter> logger)
{
    public async Task<int> CutAsync(Guid jobId, string annotatedPath, double videoSeconds, CancellationToken ct)
    {
        var settings = options.Value;
        if (settings.MaxPerJob <= 0) return 0;
        var events = await db.SafetyEvents.AsNoTracking()
            // Severities are stored by name, so they are compared by value, not ordered.
            .Where(e => e.JobId == jobId && (e.Severity == Severity.Warning || e.Severity == Severity.Critical))
            .OrderBy(e => e.Severity == Severity.Critical ? 0 : 1).ThenBy(e => e.StartSeconds).ThenBy(e => e.Id)
            .Take(settings.MaxPerJob)
            .Select(e => new { e.Id, e.StartSeconds, e.EndSeconds })
            .ToListAsync(ct);
        if (events.Count == 0) return 0;
        var folder = Path.Combine(Path.GetDirectoryName(annotatedPath)!, "clips");
        Directory.CreateDirectory(folder);
        var cut = 0;
        foreach (var e in events)
        {
            if (ClipWindow.For(e.StartSeconds, e.EndSeconds, videoSeconds, settings) is not { } window) continue;
            var clip = Path.Combine(folder, $"{e.Id:N}.mp4");
            if (!await TryCutAsync(annotatedPath, clip, window, e.Id, ct)) continue;
            await db.SafetyEvents.Where(x => x.Id == e.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.ClipPath, clip), ct);
            cut++;
        }
        return cut;
    }

    private async Task<bool> TryCutAsync(string source, string clip, ClipWindow window, Guid eventId, CancellationToken ct)
    {
        var partial = Path.ChangeExtension(clip, ".part.mp4");
        try
        {
            await FfmpegCli.RunAsync(partial, Arguments(source, window), ct);
            File.Move(partial, clip, overwrite: true);
            return true;
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException)
        {
            logger.LogWarning(ex, "The clip of event {EventId} could not be cut; the event has no clip", eventId);
            return false;
        }
        finally
        {
            DeletePartial(partial);
        }
    }

    /// <summary>The results folder may be gone already (the job was deleted while its clips were cut).</summary>
    private static void DeletePartial(string partial)
    {
        try { File.Delete(partial); }
        catch (IOException) { }
    }

    /// <summary>Seeks before decoding (fast, and exact when re-encoding), one encoder thread as for the annotated video.</summary>
    private static string[] Arguments(string source, ClipWindow window) =>
    [
        "-ss", window.StartSeconds.ToString("0.###", CultureInfo.InvariantCulture), "-i", source,
        "-t", window.DurationSeconds.ToString("0.###", CultureInfo.InvariantCulture),
        "-map", "0:v:0", "-an", "-threads", "1", "-c:v", "libx264", "-preset", "veryfast", "-crf", "24", "-pix_fmt", "yuv420p",
        "-movflags", "+faststart", "-f", "mp4",
    ];
}
