namespace Adas.Perception.Analysis;

/// <summary>One physical traffic sign, confirmed over several frames.</summary>
public sealed record DetectedSign(
    string Kind,
    string Label,
    int? ClassId,
    int? SpeedLimitKmh,
    double FirstSeenSeconds,
    double LastSeenSeconds,
    double Confidence,
    int FrameCount,
    int? TrackId);
