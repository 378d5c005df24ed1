namespace Adas.Perception.Analysis;

/// <summary>The driver's state summarised over one second of in-cabin video.</summary>
public sealed record DriverSecond(
    int Second,
    bool FacePresent,
    double? Ear,
    double? Mar,
    double? Perclos,
    double? Yaw,
    double? Pitch,
    double? Roll,
    string State);
