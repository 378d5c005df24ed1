namespace Adas.Perception.Driver;

/// <summary>Which face-landmark network reads the eyes, mouth and head pose.</summary>
public enum LandmarkModelKind
{
    /// <summary>MediaPipe Face Landmarker v2, 478 points with refined eyes: the default (see the driver README's table).</summary>
    FaceLandmarker478,

    /// <summary>PFLD, 68 points (iBUG 300-W layout): fast, but its eye aspect ratio barely moves behind glasses.</summary>
    Pfld68,

    /// <summary>MediaPipe FaceMesh v1, 468 points.</summary>
    FaceMesh,
}
