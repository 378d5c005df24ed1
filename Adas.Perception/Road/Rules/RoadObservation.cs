using Adas.Perception.Road.Lanes;
using OpenCvSharp;

namespace Adas.Perception.Road.Rules;

/// <summary>
/// What the event rules see of one frame: tracked objects with distance, TTC and corridor membership, the lane, and
/// whether the ego vehicle is known to be (nearly) standing still, its speed in m/s when measured (0 when the whole view
/// stands), and whether the whole view stands (<see cref="Camera.BackgroundMotion"/>).
/// </summary>
public sealed record RoadObservation(double Time, IReadOnlyList<RoadObject> Objects, LaneState Lane,
    Func<Rect2f?, byte[]?>? Snapshot = null, bool EgoKnownSlow = false, double? EgoSpeedMetersPerSecond = null, bool EgoStanding = false);
