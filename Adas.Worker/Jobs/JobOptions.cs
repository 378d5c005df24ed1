using System.ComponentModel.DataAnnotations;

namespace Adas.Worker.Jobs;

/// <summary>Queue behaviour, bound from the "Jobs" configuration section.</summary>
public sealed class JobOptions
{
    public const string Section = "Jobs";

    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 3;
    /// <summary>A pending message idle this long belongs to a crashed worker and is taken over.</summary>
    public TimeSpan ClaimIdleTimeout { get; set; } = TimeSpan.FromSeconds(60);
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(5);
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromSeconds(15);
    /// <summary>A queued job younger than this is not reconciled (its enqueue may still be on the way).</summary>
    public TimeSpan ReconcileGrace { get; set; } = TimeSpan.FromSeconds(5);
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromMilliseconds(250);
    [Range(1, int.MaxValue)]
    public int MinimumFrames { get; set; } = 2;
    /// <summary>Longest video analysed (declared by the container and as decoded); longer ones fail with a clear message.</summary>
    public TimeSpan MaxVideoDuration { get; set; } = TimeSpan.FromHours(2);
    public int MaxVideoFrames { get; set; } = 2 * 3600 * 60;
    public long MaxVideoPixelsPerFrame { get; set; } = 3840L * 2160;

    public Adas.Perception.Analysis.VideoLimits VideoLimits => new(MaxVideoDuration.TotalSeconds, MaxVideoFrames, MaxVideoPixelsPerFrame);
}
