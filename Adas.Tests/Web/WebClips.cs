using Adas.Tests.Infrastructure;

namespace Adas.Tests.Web;

/// <summary>The real dashcam footage the browser tests upload.</summary>
public static class WebClips
{
    /// <summary>
    /// The dev-set scooter crossing point blank (5 s): critical pedestrian and forward warnings within seconds of processing.
    /// (The shopping street, used before, is labelled event-free: its scooter rides the same way beside the car.)
    /// </summary>
    public const string NearMiss = "media/dev/road/scooter_crosses_point_blank_1280x720.mp4";

    /// <summary>The near miss with a unique tag in its metadata: a new job, never the de-duplicated earlier one.</summary>
    public static Task<string> UniqueNearMissAsync(string directory)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        return MediaFactory.FfmpegAsync(Path.Combine(directory, $"scooter_crossing_{tag}.mp4"),
            "-i", TestPaths.Asset(NearMiss), "-c", "copy", "-metadata", $"comment={tag}");
    }
}
