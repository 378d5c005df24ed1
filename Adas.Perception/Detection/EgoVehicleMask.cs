using OpenCvSharp;

namespace Adas.Perception.Detection;

/// <summary>
/// The part of the frame the ego vehicle itself occupies (bonnet, dashboard, mount), per camera: a band at the
/// bottom of the frame. Detections lying mostly inside it are reflections or the ego vehicle, never road users.
/// Beyond the band, a "vehicle" lying wholly in the lowest <see cref="BonnetTopFraction"/> of the frame and reaching
/// its bottom edge is the ego bonnet: any real vehicle is about as tall as the camera is high, so its top is near
/// the horizon however close it is. (People are not dropped so: a child close in front can look like that.)
/// </summary>
public sealed record EgoVehicleMask(double BottomFraction = 0.08, double MaxInsideFraction = 0.6, double BonnetTopFraction = 0.3)
{
    private const double BottomEdgeFraction = 0.03;

    public static EgoVehicleMask None { get; } = new(0, BonnetTopFraction: 0);

    public bool Contains(Rect2f box, int frameHeight)
    {
        if (BottomFraction <= 0 || box.Width <= 0 || box.Height <= 0) return false;
        var maskTop = (float)(frameHeight * (1 - BottomFraction));
        var insideHeight = Math.Max(0, box.Bottom - Math.Max(box.Top, maskTop));
        return insideHeight / box.Height >= MaxInsideFraction;
    }

    public bool IsBonnet(Detection detection, int frameHeight) =>
        BonnetTopFraction > 0 && CocoClasses.IsVehicle(detection.ClassId)
        && detection.Box.Top >= frameHeight * (1 - BonnetTopFraction)
        && detection.Box.Bottom >= frameHeight * (1 - BottomEdgeFraction);

    public IReadOnlyList<Detection> Filter(IReadOnlyList<Detection> detections, int frameHeight) =>
        BottomFraction <= 0 && BonnetTopFraction <= 0
            ? detections
            : [.. detections.Where(d => !Contains(d.Box, frameHeight) && !IsBonnet(d, frameHeight))];
}
