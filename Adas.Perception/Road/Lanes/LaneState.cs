namespace Adas.Perception.Road.Lanes;

/// <summary>
/// The lane as seen in one frame (after temporal smoothing). The offset is the vehicle centre's position
/// relative to the lane centre, positive to the right, as a fraction of the lane width and in metres.
/// </summary>
public sealed record LaneState(
    LaneLine? Left,
    LaneLine? Right,
    bool BothConfident,
    double? OffsetFraction,
    double? OffsetMeters,
    double? LaneWidthMeters)
{
    public static LaneState None { get; } = new(null, null, false, null, null, null);
}
