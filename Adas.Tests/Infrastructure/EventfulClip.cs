using Adas.Tests.Perception.Road;

namespace Adas.Tests.Infrastructure;

/// <summary>A clip that gives events: a car closing in (a forward collision warning) repeated, long enough to act on a job mid-run.</summary>
public static class EventfulClip
{
    public const int FramesPerApproach = 105;

    public static async Task<string> RepeatedApproachAsync(string directory, int repeats)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        using var clips = new LeadCarClip();
        var once = await clips.WriteApproachAsync(Path.Combine(directory, $"approach_{tag}.mp4"), closingSpeed: 8, startDistance: 30,
            seconds: FramesPerApproach / 30.0);
        return await MediaFactory.FfmpegAsync(Path.Combine(directory, $"approach_x{repeats}_{tag}.mp4"), "-stream_loop",
            (repeats - 1).ToString(), "-i", once, "-c", "copy", "-metadata", $"comment={tag}");
    }
}
