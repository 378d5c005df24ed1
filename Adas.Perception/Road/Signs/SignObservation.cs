using OpenCvSharp;

namespace Adas.Perception.Road.Signs;

/// <summary>
/// One sighting of a sign in one frame, from the classifier (kind "sign") or the detector (stop sign, traffic
/// light, with the colour of its lit lamp when one is clearly lit).
/// </summary>
public sealed record SignObservation(Rect2f Box, string Kind, int ClassId, string Label, int? SpeedLimitKmh, double Confidence,
    string? LightColour = null)
{
    public const string SignKind = "sign";
    public const string TrafficLightKind = "traffic_light";
}
