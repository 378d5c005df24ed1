using Adas.Tests.Infrastructure;

namespace Adas.Tests.Web;

/// <summary>The real dashcam footage the browser tests upload.</summary>
public static class WebClips
{
    /// <summary>The dev-set shopping street (5 s): a scooter crosses the right front at 4.2 s, a warning within seconds of processing.</summary>
    public const string NearMiss = "media/dev/road/shopping_street_pedestrians_1280x720.mp4";

    /// <summary>The near miss with a unique tag in its metadata: a new job, never the de-duplicated earlier one.</summary>
    public static Task<string> UniqueNearMissAsync(string directory)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        return MediaFactory.FfmpegAsync(Path.Combine(directory, $"shopping_street_{tag}.mp4"),
            "-i", TestPaths.Asset(NearMiss), "-c", "copy", "-metadata", $"comment={tag}");
    }
}
