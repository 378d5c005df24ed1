using Adas.Perception.Road.Camera;
using Adas.Perception.Road.Lanes;
using OpenCvSharp;

namespace Adas.Perception.Road.Rules;

/// <summary>
/// The ego vehicle's path ahead: between the lane lines when both are confident, else a centred band of fixed
/// width on the road (a trapezoid in the image), which also bounds the lane. An object is in it when its ground contact point is.
/// </summary>
public sealed class EgoCorridor(RoadEventOptions options)
{
    public bool Contains(CameraModel camera, Rect2f box, double? distanceMeters, LaneDetector? lanes, int frameWidth,
        double extraMarginMeters = 0)
    {
        var x = box.X + box.Width / 2.0;
        var y = (double)box.Bottom;
        // The band ahead bounds the lane too: a lane line found on the next lane's far side (a kerb, a seam) makes a lane
        // twice as wide, and the car passed in the next lane would be "in" it (the urban dev clip's taxi at 7 m).
        var inBand = distanceMeters is { } distance
                     && Math.Abs(camera.LateralMeters(x, distance, frameWidth)) <= options.CorridorHalfWidthMeters + extraMarginMeters;
        if (lanes?.State is { BothConfident: true, LaneWidthMeters: { } laneWidth } && laneWidth > 0)
        {
            var inside = lanes.IsInsideLane(x, y, extraMarginMeters / laneWidth);
            if (inside is not null) return inside.Value && (inBand || distanceMeters is null);
        }
        return inBand;
    }
}
