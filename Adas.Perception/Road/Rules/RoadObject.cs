using Adas.Perception.Road.Tracking;
using OpenCvSharp;

namespace Adas.Perception.Road.Rules;

/// <summary>One tracked road user as the rules see it.</summary>
public sealed record RoadObject(int TrackId, int ClassId, string Label, Rect2f Box, double? DistanceMeters,
    double? TtcSeconds, double? ScaleRate, double TrackAgeSeconds, bool InCorridor, bool InPedestrianCorridor)
{
    public double? ClosingSpeed => DistanceMeters is { } d && ScaleRate is { } r ? d * r : null;

    public static RoadObject From(Track track, bool inCorridor, bool inPedestrianCorridor) =>
        new(track.Id, track.ClassId, track.Label, track.Box, track.DistanceMeters, track.Ttc.Seconds, track.Ttc.ScaleRate,
            track.Age, inCorridor, inPedestrianCorridor);
}
