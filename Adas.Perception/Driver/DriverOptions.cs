namespace Adas.Perception.Driver;

/// <summary>
/// Every threshold of the driver-monitoring pipeline. Eye and head thresholds are relative to the driver's own
/// calibrated baseline (glasses and camera placement shift both), with absolute floors.
/// </summary>
public sealed record DriverOptions
{
    public LandmarkModelKind Landmarks { get; init; } = LandmarkModelKind.Pfld68;
    public int OnnxThreads { get; init; } = 1;

    // Face detection and tracking
    public int FaceDetectionMaxSide { get; init; } = 320;

    /// <summary>
    /// A second, larger search when the first finds no clear face (a small face in a wide, high-resolution view);
    /// 0 turns it off.
    /// </summary>
    public int FaceDetectionFineMaxSide { get; init; } = 640;
    public int FaceDetectionInterval { get; init; } = 2;
    /// <summary>Score a face needs to be taken as the driver.</summary>
    public float FaceScoreThreshold { get; init; } = 0.8f;

    /// <summary>Lower score accepted for the face already followed (head dropping, turning, glasses glare).</summary>
    public float FaceFollowScoreThreshold { get; init; } = 0.5f;
    public double FaceHoldSeconds { get; init; } = 0.3;
    public double FaceBoxSmoothing { get; init; } = 0.5;

    // Calibration
    public double CalibrationSeconds { get; init; } = 2.0;
    public double DefaultBaselineEar { get; init; } = 0.30;
    /// <summary>How far from the camera axis the driver may face during calibration (cameras sit off to the side).</summary>
    public double CalibrationMaxYawDegrees { get; init; } = 50;
    public double CalibrationMaxPitchDegrees { get; init; } = 40;
    public double RecalibrateAfterAbsentSeconds { get; init; } = 10;
    public double BaselineEarAdaptationPerFrame { get; init; } = 0.0002;
    public double NeutralPoseAdaptationDegreesPerFrame { get; init; } = 0.01;

    // Eyes
    public double EyesClosedFloor { get; init; } = 0.2;
    public double EyesClosedBaselineFraction { get; init; } = 0.65;
    public double EyesReopenMargin { get; init; } = 0.02;
    public int EarMedianFrames { get; init; } = 3;
    public double EyesUnreadableYawDegrees { get; init; } = 45;
    public double MicrosleepSeconds { get; init; } = 1.0;

    /// <summary>
    /// Blinks are counted on a shallower dip (below this fraction of the baseline): PFLD follows a fast blink only
    /// part of the way down (about 0.24 against 0.15 for eyes held closed).
    /// </summary>
    public double BlinkBaselineFraction { get; init; } = 0.8;

    // PERCLOS and drowsiness
    public double PerclosWindowSeconds { get; init; } = 60;
    public double PerclosMinFaceSeconds { get; init; } = 30;
    public double PerclosWarning { get; init; } = 0.15;
    public double PerclosCritical { get; init; } = 0.30;
    public double PerclosReleaseFactor { get; init; } = 0.8;
    public double DrowsinessCooldownSeconds { get; init; } = 30;

    // Yawning
    public double YawnMar { get; init; } = 0.5;
    public double YawnReleaseMar { get; init; } = 0.4;
    public double YawnSeconds { get; init; } = 1.0;
    public int YawnsForDrowsiness { get; init; } = 3;
    public double YawnWindowSeconds { get; init; } = 300;

    // Distraction (head off the road)
    public double OffRoadYawDegrees { get; init; } = 30;
    public double OffRoadPitchDownDegrees { get; init; } = 20;

    /// <summary>Once off the road, the head must come this much back inside the limits to count as on it again.</summary>
    public double OffRoadReleaseMarginDegrees { get; init; } = 5;
    public double OffRoadFaceLossCarrySeconds { get; init; } = 1.0;
    public double DistractionSeconds { get; init; } = 3;
    public double DistractionWindowSeconds { get; init; } = 30;
    public double DistractionCumulativeSeconds { get; init; } = 10;

    // Phone
    public int PhoneClassId { get; init; } = 67;
    public float PhoneMinScore { get; init; } = 0.35f;
    public int PhoneDetectionInterval { get; init; } = 3;
    public double PhoneFaceMargin { get; init; } = 1.0;
    public double PhoneLowerFrameFraction { get; init; } = 0.5;
    public double PhoneSeconds { get; init; } = 2;
    public double PhoneMaxGapSeconds { get; init; } = 0.6;

    // Absence and obstruction
    public double AbsentSeconds { get; init; } = 5;
    public double ObstructionMaxStdDev { get; init; } = 10;

    // Episodes
    public double EventCooldownSeconds { get; init; } = 5;
    public double MaxFrameGapSeconds { get; init; } = 0.5;

    public double EyesClosedThreshold(double baselineEar) =>
        Math.Max(EyesClosedFloor, EyesClosedBaselineFraction * baselineEar);
}
