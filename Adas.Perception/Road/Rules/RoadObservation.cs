using Adas.Perception.Road.Lanes;
using Adas.Perception.Road.Tracking;
using OpenCvSharp;

namespace Adas.Perception.Road.Rules;

/// <summary>
/// What the event rules see of one frame: tracked objects with distance, TTC and corridor membership, the lane, and
/// whether the ego vehicle is known to be (nearly) standing still.
/// </summary>
public sealed record RoadObservation(double Time, IReadOnlyList<RoadObject> Objects, LaneState Lane,
    Func<Rect2f?, byte[]?>? Snapshot = null, bool EgoKnownSlow = false);

/// <summary>One tracked road user as the rules see it.</summary>
public sealed record RoadObject(int TrackId, int ClassId, string Label, Rect2f Box, double? DistanceMeters,
    double? TtcSeconds, double? ScaleRate, double TrackAgeSeconds, bool InCorridor, bool InPedestrianCorridor)
{
    public double? ClosingSpeed => DistanceMeters is { } d && ScaleRate is { } r ? d * r : null;

    public static RoadObject From(Track track, bool inCorridor, bool inPedestrianCorridor) =>
        new(track.Id, track.ClassId, track.Label, track.Box, track.DistanceMeters, track.Ttc.Seconds, track.Ttc.ScaleRate,
            track.Age, inCorridor, inPedestrianCorridor);
}
