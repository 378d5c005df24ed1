using Adas.Perception.Road.Tracking;
using OpenCvSharp;

namespace Adas.Perception.Road.Rules;

/// <summary>One tracked road user as the rules see it; its TTC from its pixels when measured, else from its box.</summary>
public sealed record RoadObject(int TrackId, int ClassId, string Label, Rect2f Box, double? DistanceMeters,
    double? TtcSeconds, double? ScaleRate, double TrackAgeSeconds, bool InCorridor, bool InPedestrianCorridor,
    bool TtcFromAppearance = false, float DetectionScore = 1)
{
    public double? ClosingSpeed => DistanceMeters is { } d && ScaleRate is { } r ? d * r : null;

    public static RoadObject From(Track track, bool inCorridor, bool inPedestrianCorridor, AppearanceEstimate appearance = default)
    {
        var ttc = appearance.Pending ? null : appearance.Estimator ?? track.Ttc;
        return new(track.Id, track.ClassId, track.Label, track.Box, track.DistanceMeters, ttc?.Seconds, ttc?.ScaleRate, track.Age,
            inCorridor, inPedestrianCorridor, appearance.Estimator is not null, track.Score);
    }
}
