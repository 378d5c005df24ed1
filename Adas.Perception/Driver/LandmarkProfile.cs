namespace Adas.Perception.Driver;

/// <summary>
/// What eye and mouth openness mean for one landmark model: a population prior for the open-eye EAR and the
/// closed-mouth MAR (used until the driver is calibrated), the absolute limits a driver's baseline and the
/// eyes-closed threshold must stay within, and when an eye counts as confidently open (the only frames that teach
/// the calibration). Each model reads the same eye at a different EAR (see the table in the driver README), so
/// one set of numbers cannot serve all of them.
/// </summary>
public sealed record LandmarkProfile(
    double PriorOpenEar,
    double ConfidentOpenEar,
    double MinBaselineEar,
    double MaxBaselineEar,
    double ClosedBaselineFraction,
    double ClosedFloor,
    double ClosedCeiling,
    double PriorClosedMar,
    double YawnMar,
    double YawnMarAboveBaseline)
{
    /// <summary>
    /// Face Landmarker v2 with the eye-region models folded in: eyes closed read 0.00-0.12, a closed eye in a wink
    /// 0.12, open eyes 0.26-0.40 (labelled faces, and the tired-driver clip). Mouth: 0.00-0.08 closed.
    /// </summary>
    public static LandmarkProfile FaceLandmarker478 { get; } = new(
        PriorOpenEar: 0.32, ConfidentOpenEar: 0.22, MinBaselineEar: 0.24, MaxBaselineEar: 0.45,
        ClosedBaselineFraction: 0.5, ClosedFloor: 0.12, ClosedCeiling: 0.19,
        PriorClosedMar: 0.05, YawnMar: 0.45, YawnMarAboveBaseline: 0.35);

    /// <summary>PFLD-68: open 0.34-0.38, closed 0.15, glasses squeeze the range to 0.21-0.24 (issue 12).</summary>
    public static LandmarkProfile Pfld68 { get; } = new(
        PriorOpenEar: 0.30, ConfidentOpenEar: 0.23, MinBaselineEar: 0.22, MaxBaselineEar: 0.45,
        ClosedBaselineFraction: 0.65, ClosedFloor: 0.2, ClosedCeiling: 0.28,
        PriorClosedMar: 0.05, YawnMar: 0.5, YawnMarAboveBaseline: 0.3);

    /// <summary>FaceMesh v1: open 0.23-0.38, closed 0.22 on the labelled faces: it barely separates them.</summary>
    public static LandmarkProfile FaceMesh { get; } = new(
        PriorOpenEar: 0.30, ConfidentOpenEar: 0.23, MinBaselineEar: 0.22, MaxBaselineEar: 0.45,
        ClosedBaselineFraction: 0.65, ClosedFloor: 0.15, ClosedCeiling: 0.24,
        PriorClosedMar: 0.05, YawnMar: 0.5, YawnMarAboveBaseline: 0.3);

    public static LandmarkProfile For(LandmarkModelKind kind) => kind switch
    {
        LandmarkModelKind.Pfld68 => Pfld68,
        LandmarkModelKind.FaceMesh => FaceMesh,
        _ => FaceLandmarker478,
    };

    public double EyesClosedThreshold(double baselineEar) =>
        Math.Clamp(ClosedBaselineFraction * baselineEar, ClosedFloor, ClosedCeiling);

    /// <summary>The MAR a yawn must reach for a driver whose mouth at rest reads <paramref name="closedMar"/>.</summary>
    public double YawnThreshold(double closedMar) => Math.Max(YawnMar, closedMar + YawnMarAboveBaseline);
}
