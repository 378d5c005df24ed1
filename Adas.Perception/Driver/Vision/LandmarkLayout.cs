namespace Adas.Perception.Driver.Vision;

/// <summary>
/// Where the measured features are in a landmark model's point list. Eyes are in EAR order p1..p6 (corner, two
/// upper, corner, two lower); "right" is the driver's right (left in the image). Pose points are nose tip, chin,
/// outer eye corners and mouth corners, image-left first.
/// </summary>
public sealed record LandmarkLayout(
    string Name,
    int PointCount,
    int[] RightEye,
    int[] LeftEye,
    int[] MouthCorners,
    int[] InnerLipUpper,
    int[] InnerLipLower,
    int[] PosePoints,
    int[] InnerMouthOutline)
{
    public static LandmarkLayout Pfld68 { get; } = new("pfld68", 68,
        RightEye: [36, 37, 38, 39, 40, 41],
        LeftEye: [42, 43, 44, 45, 46, 47],
        MouthCorners: [60, 64],
        InnerLipUpper: [61, 62, 63],
        InnerLipLower: [67, 66, 65],
        PosePoints: [30, 8, 36, 45, 48, 54],
        InnerMouthOutline: [60, 61, 62, 63, 64, 65, 66, 67]);

    public static LandmarkLayout FaceMesh468 { get; } = new("facemesh468", 468,
        RightEye: [33, 160, 158, 133, 153, 144],
        LeftEye: [362, 385, 387, 263, 373, 380],
        MouthCorners: [78, 308],
        InnerLipUpper: [82, 13, 312],
        InnerLipLower: [87, 14, 317],
        PosePoints: [1, 152, 33, 263, 61, 291],
        InnerMouthOutline: [78, 191, 80, 81, 82, 13, 312, 311, 310, 415, 308, 324, 318, 402, 317, 14, 87, 178, 88, 95]);

    /// <summary>MediaPipe Face Landmarker v2: the FaceMesh indices, with 10 iris points appended (468-477).</summary>
    public static LandmarkLayout FaceLandmarker478 { get; } = FaceMesh468 with { Name = "face_landmarker_478", PointCount = 478 };
}
