using Adas.Perception.Detection;
using OpenCvSharp;

namespace Adas.Perception.Driver.Vision;

/// <summary>
/// Where the object detector looks for a phone, taking turns: the whole frame (a phone in the hands), then a square
/// around the driver's head (<see cref="DriverOptions.PhoneHeadZoom"/> face sizes, scaled up to the detector's
/// input). A phone held to the ear is small and dark in a wide cabin view: it scores 0.07 on the side-view clip's
/// whole frame and 0.24-0.32 around the head, where nothing scores above 0.05 in that clip's other segments.
/// The last result of each kind of search is kept, so taking turns halves the cost without gaps.
/// </summary>
public sealed class PhoneSearch(IObjectDetector detector, double headZoom)
{
    private IReadOnlyList<Detection.Detection> _whole = [];
    private IReadOnlyList<Detection.Detection> _head = [];

    /// <summary>Runs one search (the <paramref name="turn"/>-th); around the head on odd turns when a face is known.</summary>
    public PhoneSearchResult Detect(Mat bgr, Rect2f? face, int turn)
    {
        if (turn % 2 == 1 && face is { } f && headZoom > 0 && AroundHead(bgr, f) is { } near) return new PhoneSearchResult(true, near);
        return new PhoneSearchResult(false, detector.Detect(bgr));
    }

    /// <summary>Takes a search's result in and returns every detection of the latest search of each kind.</summary>
    public IReadOnlyList<Detection.Detection> Merge(PhoneSearchResult result)
    {
        if (result.AroundHead) _head = result.Detections;
        else _whole = result.Detections;
        return [.. _whole, .. _head];
    }

    /// <summary>The driver's head is no longer where it was (no face, a scene cut).</summary>
    public void ForgetHead() => _head = [];

    public void Reset() => _whole = _head = [];

    private IReadOnlyList<Detection.Detection>? AroundHead(Mat bgr, Rect2f face)
    {
        var side = (float)headZoom * Math.Max(face.Width, face.Height);
        var region = FaceCrop.Round(new Rect2f(face.X + face.Width / 2 - side / 2, face.Y + face.Height / 2 - side / 2, side, side))
                     & new Rect(0, 0, bgr.Width, bgr.Height);
        if (region.Width < 16 || region.Height < 16) return null;
        using var head = new Mat(bgr, region);
        return [.. detector.Detect(head)
            .Select(d => d with { Box = new Rect2f(d.Box.X + region.X, d.Box.Y + region.Y, d.Box.Width, d.Box.Height) })];
    }
}
