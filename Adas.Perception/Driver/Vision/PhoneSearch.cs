using Adas.Perception.Detection;
using OpenCvSharp;

namespace Adas.Perception.Driver.Vision;

/// <summary>
/// Runs the object detector on the whole frame (a phone in the hands) and once more on a square around the
/// driver's head (<see cref="DriverOptions.PhoneHeadZoom"/> face sizes, scaled up to the detector's input): a phone
/// held to the ear is small and dark in a wide cabin view and scores far lower on the whole frame (0.07 against 0.52
/// on the side-view clip's phone segment, with 0.03 at most on its other segments).
/// </summary>
public static class PhoneSearch
{
    public static IReadOnlyList<Detection.Detection> Detect(IObjectDetector detector, Mat bgr, Rect2f? face, double headZoom)
    {
        var whole = detector.Detect(bgr);
        if (face is not { } f || headZoom <= 0) return whole;
        var side = (float)headZoom * Math.Max(f.Width, f.Height);
        var region = FaceCrop.Round(new Rect2f(f.X + f.Width / 2 - side / 2, f.Y + f.Height / 2 - side / 2, side, side))
                     & new Rect(0, 0, bgr.Width, bgr.Height);
        if (region.Width < 16 || region.Height < 16) return whole;
        using var head = new Mat(bgr, region);
        var near = detector.Detect(head)
            .Select(d => d with { Box = new Rect2f(d.Box.X + region.X, d.Box.Y + region.Y, d.Box.Width, d.Box.Height) });
        return [.. whole, .. near];
    }
}
