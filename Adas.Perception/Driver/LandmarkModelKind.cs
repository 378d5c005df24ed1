namespace Adas.Perception.Driver;

/// <summary>Which face-landmark network reads the eyes, mouth and head pose.</summary>
public enum LandmarkModelKind
{
    /// <summary>PFLD, 68 points (iBUG 300-W layout); the default: separates open and closed eyes well.</summary>
    Pfld68,

    /// <summary>MediaPipe FaceMesh v1, 468 points.</summary>
    FaceMesh,
}
