using OpenCvSharp;

namespace Adas.Perception.Detection;

/// <summary>
/// The part of the frame the ego vehicle itself occupies (bonnet, dashboard, mount), per camera: a band at the
/// bottom of the frame. Detections lying mostly inside it are reflections or the ego vehicle, never road users.
/// </summary>
public sealed record EgoVehicleMask(double BottomFraction = 0.08, double MaxInsideFraction = 0.6)
{
    public static EgoVehicleMask None { get; } = new(0);

    public bool Contains(Rect2f box, int frameHeight)
    {
        if (BottomFraction <= 0 || box.Width <= 0 || box.Height <= 0) return false;
        var maskTop = (float)(frameHeight * (1 - BottomFraction));
        var insideHeight = Math.Max(0, box.Bottom - Math.Max(box.Top, maskTop));
        return insideHeight / box.Height >= MaxInsideFraction;
    }

    public IReadOnlyList<Detection> Filter(IReadOnlyList<Detection> detections, int frameHeight) =>
        BottomFraction <= 0 ? detections : [.. detections.Where(d => !Contains(d.Box, frameHeight))];
}
