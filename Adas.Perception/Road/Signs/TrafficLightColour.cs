using Adas.Perception.Detection;
using OpenCvSharp;

namespace Adas.Perception.Road.Signs;

/// <summary>
/// Which lamp of a traffic light is lit: the hue of the bright, saturated pixels inside its box (red, yellow or
/// green), when enough of them agree; null when none is clearly lit (off, washed out, seen from the side).
/// </summary>
public sealed class TrafficLightColour : IDisposable
{
    public const string Red = "red";
    public const string Yellow = "yellow";
    public const string Green = "green";

    private const double MinLitShare = 0.02;
    private const double MinDominance = 0.6;
    private readonly Mat _hsv = new();
    private readonly Mat _band = new();

    public string? Classify(Mat frame, Rect2f box)
    {
        var rect = BoxGeometry.ToRect(box, frame.Width, frame.Height);
        if (rect.Width < 3 || rect.Height < 3) return null;
        using (var roi = new Mat(frame, rect)) Cv2.CvtColor(roi, _hsv, ColorConversionCodes.BGR2HSV);
        var red = Count(0, 10) + Count(170, 180);
        var yellow = Count(15, 35);
        var green = Count(40, 95);
        var lit = red + yellow + green;
        if (lit < MinLitShare * rect.Width * rect.Height) return null;
        var (colour, count) = new[] { (Red, red), (Yellow, yellow), (Green, green) }.MaxBy(c => c.Item2);
        return count >= MinDominance * lit ? colour : null;
    }

    /// <summary>Bright (V ≥ 150), saturated (S ≥ 90) pixels with a hue in [low, high] (OpenCV's 0-180 scale).</summary>
    private int Count(int low, int high)
    {
        Cv2.InRange(_hsv, new Scalar(low, 90, 150), new Scalar(high, 255, 255), _band);
        return Cv2.CountNonZero(_band);
    }

    public void Dispose()
    {
        foreach (var m in (Mat[])[_hsv, _band]) m.Dispose();
    }
}
