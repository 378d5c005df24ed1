namespace Adas.Perception.Driver;

/// <summary>
/// Every threshold of the driver-monitoring pipeline. Eye and head thresholds are relative to the driver's own
/// calibrated baseline (glasses and camera placement shift both), with absolute floors.
/// </summary>
public sealed record DriverOptions
{
    public LandmarkModelKind Landmarks { get; init; } = LandmarkModelKind.FaceLandmarker478;

    /// <summary>Eye and mouth limits of the landmark model: the measured ones of <see cref="Landmarks"/>.</summary>
    public LandmarkProfile Profile => LandmarkProfile.For(Landmarks);

    /// <summary>
    /// How often the landmark model runs per second of video (the face box is followed by the detector between);
    /// the 478-point model costs about 10x PFLD, so it cannot run on every frame within the frame budget.
    /// </summary>
    public double LandmarkRunsPerSecond { get; init; } = 12;

    /// <summary>Reads each eye also from its own crop (eyelid contour and eye CNN) and folds it into the EAR.</summary>
    public bool EyeRegionModels { get; init; } = true;

    /// <summary>A frame this different from the previous one (mean absolute difference of 32x18 grey thumbnails, 0-255) is a scene cut.</summary>
    public double SceneCutDifference { get; init; } = 40;
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
    /// <summary>
    /// How far from the camera axis the driver may face during calibration: cameras sit off to the side, up to a
    /// three-quarter view from the passenger side (the lookdown dev clip's driver faces the road at 65-74° of yaw).
    /// </summary>
    public double CalibrationMaxYawDegrees { get; init; } = 80;
    public double CalibrationMaxPitchDegrees { get; init; } = 40;
    public double RecalibrateAfterAbsentSeconds { get; init; } = 10;
    public double BaselineEarAdaptationPerFrame { get; init; } = 0.0002;
    public double NeutralPoseAdaptationDegreesPerFrame { get; init; } = 0.01;

    // Eyes (the model-specific limits are in Profile)
    public double EyesReopenMargin { get; init; } = 0.02;
    public int EarMedianFrames { get; init; } = 3;
    public double EyesUnreadableYawDegrees { get; init; } = 55;

    /// <summary>
    /// With the head pitched further down than this (degrees below the driver's neutral pose) the lids are seen from
    /// above and look closed while the eyes look down at a lap or a phone: eye closure is not judged there, the look
    /// down is judged as distraction (Euro NCAP DSM).
    /// </summary>
    public double EyesUnreadablePitchDownDegrees { get; init; } = 12;

    /// <summary>
    /// The same before the driver's neutral pose is known: the pitch then also holds the camera's angle to the face
    /// (a camera above the face reads 15-20° down for a driver looking at the road; each cut of an edited clip
    /// restarts calibration).
    /// </summary>
    public double EyesUnreadablePitchDownUncalibratedDegrees { get; init; } = 25;

    /// <summary>Eyes closed this long is a microsleep (Euro NCAP DSM: closures under 3 s).</summary>
    public double MicrosleepSeconds { get; init; } = 1.0;

    /// <summary>Eyes closed this long at once is sleep, critical (Euro NCAP DSM: more than 3 s).</summary>
    public double SleepSeconds { get; init; } = 3.0;

    /// <summary>Eyes closed or off the road this long at once: the driver is unresponsive, critical (Euro NCAP DSM: 6 s).</summary>
    public double UnresponsiveSeconds { get; init; } = 6.0;

    /// <summary>
    /// Blinks are counted on a shallower dip (below this fraction of the baseline): PFLD follows a fast blink only
    /// part of the way down (about 0.24 against 0.15 for eyes held closed).
    /// </summary>
    public double BlinkBaselineFraction { get; init; } = 0.8;

    /// <summary>
    /// Slow blinks: lids down (below the blink level, closing fully on the way) at least this long are a drowsiness
    /// sign; an alert driver's blinks last 0.1-0.4 s.
    /// </summary>
    public double LongClosureSeconds { get; init; } = 0.5;
    public int LongClosuresForDrowsiness { get; init; } = 2;
    public double LongClosureWindowSeconds { get; init; } = 60;

    // PERCLOS and drowsiness
    public double PerclosWindowSeconds { get; init; } = 60;
    public double PerclosMinFaceSeconds { get; init; } = 30;
    public double PerclosWarning { get; init; } = 0.15;
    public double PerclosCritical { get; init; } = 0.30;
    public double PerclosReleaseFactor { get; init; } = 0.8;
    public double DrowsinessCooldownSeconds { get; init; } = 30;

    // Yawning (the model-specific MAR limits are in Profile)
    /// <summary>A yawn ends when the MAR falls below this fraction of the yawn threshold.</summary>
    public double YawnReleaseFraction { get; init; } = 0.75;
    public double YawnSeconds { get; init; } = 1.0;

    /// <summary>A yawn survives the mouth reading closed this long (a hand over the mouth, a lost face).</summary>
    public double YawnMaxGapSeconds { get; init; } = 1.5;

    /// <summary>Eyes still squeezed this long after a yawn are part of it.</summary>
    public double YawnEyesGraceSeconds { get; init; } = 0.5;
    public int YawnsForDrowsiness { get; init; } = 3;
    public double YawnWindowSeconds { get; init; } = 300;

    /// <summary>The mouth must be wide open this long at once before a yawn survives it reading closed.</summary>
    public double YawnConfirmSeconds { get; init; } = 0.5;

    // Head drooping and nodding (pitch relative to the neutral pose)
    /// <summary>Head hanging this far down with the eyes not open, for <see cref="HeadDroopSeconds"/>, is drooping.</summary>
    public double HeadDroopPitchDegrees { get; init; } = 20;
    public double HeadDroopSeconds { get; init; } = 1.0;

    /// <summary>A nod: the head drops this far below neutral and comes back within <see cref="NodMaxSeconds"/>.</summary>
    public double NodPitchDegrees { get; init; } = 15;
    public double NodMaxSeconds { get; init; } = 2.0;
    public int NodsForDrowsiness { get; init; } = 3;
    public double NodWindowSeconds { get; init; } = 60;

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

    /// <summary>
    /// A lower score accepted next to the driver's face, where a phone is expected (held to the ear YOLOX-nano scores
    /// it 0.24-0.32 on the side-view clip, while nothing scores above 0.05 there in the other segments).
    /// </summary>
    public float PhoneNearFaceMinScore { get; init; } = 0.22f;

    /// <summary>
    /// How often the phone detector runs per second of video, taking turns between the whole frame and the head
    /// (each kept until its next turn). Phone use is judged over seconds, so 4 searches a second (each kind every
    /// 0.5 s) lose nothing against the earlier every-3rd-frame search and cost a third of it.
    /// </summary>
    public double PhoneSearchesPerSecond { get; init; } = 4;

    /// <summary>The detector also looks at a square this many face sizes wide around the head (0 turns it off).</summary>
    public double PhoneHeadZoom { get; init; } = 3;
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

    public double EyesClosedThreshold(double baselineEar) => Profile.EyesClosedThreshold(baselineEar);
}
