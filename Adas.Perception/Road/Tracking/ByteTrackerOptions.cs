namespace Adas.Perception.Road.Tracking;

/// <summary>ByteTrack thresholds: high-score detections start and keep tracks, low-score ones only keep them.</summary>
public sealed record ByteTrackerOptions
{
    public float HighScore { get; init; } = 0.30f;
    public float LowScore { get; init; } = 0.10f;
    public float NewTrackScore { get; init; } = 0.35f;
    public float HighMatchIou { get; init; } = 0.25f;
    public float LowMatchIou { get; init; } = 0.45f;
    public int HitsToConfirm { get; init; } = 3;
    public double MaxLostSeconds { get; init; } = 1.0;
}
