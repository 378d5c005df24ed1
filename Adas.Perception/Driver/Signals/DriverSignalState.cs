namespace Adas.Perception.Driver.Signals;

/// <summary>The driver's signals after one frame, with head angles relative to the calibrated neutral pose.</summary>
public sealed record DriverSignalState(
    double Time,
    bool FacePresent,
    bool Obstructed,
    bool Calibrated,
    double Ear,
    double BaselineEar,
    double EarThreshold,
    bool EyesClosed,
    double ClosedSeconds,
    double? Perclos,
    double Mar,
    bool MouthOpen,
    int YawnsInWindow,
    double Yaw,
    double Pitch,
    double Roll,
    bool OffRoad,
    double OffRoadSeconds,
    double OffRoadInWindowSeconds,
    bool Phone,
    double PhoneSeconds);
