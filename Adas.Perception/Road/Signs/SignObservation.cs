using OpenCvSharp;

namespace Adas.Perception.Road.Signs;

/// <summary>One sighting of a sign in one frame, from the classifier (kind "sign") or the detector (stop sign, traffic light).</summary>
public sealed record SignObservation(Rect2f Box, string Kind, int ClassId, string Label, int? SpeedLimitKmh, double Confidence)
{
    public const string SignKind = "sign";
    public const string TrafficLightKind = "traffic_light";
}
