using OpenCvSharp;

namespace Adas.Perception.Driver.Vision;

/// <summary>
/// Picks the driver among the faces: the one overlapping the face followed so far, otherwise the largest and most
/// central with at least the acquisition score. The followed box is smoothed while it stays put, to steady the landmark crops.
/// </summary>
public sealed class DriverFaceSelector(double smoothing = 0.5, float acquireScore = 0)
{
    private const float FollowIou = 0.3f;
    private const float SmoothIou = 0.6f;

    public FaceCandidate? Select(IReadOnlyList<FaceCandidate> faces, Size frame, FaceCandidate? previous)
    {
        if (faces.Count == 0) return null;
        if (previous is not null)
        {
            var followed = faces.MaxBy(f => Iou(f.Box, previous.Box))!;
            var iou = Iou(followed.Box, previous.Box);
            if (iou >= FollowIou) return iou >= SmoothIou ? Smooth(followed, previous) : followed;
        }
        var candidates = faces.Where(f => f.Score >= acquireScore).ToList();
        return candidates.Count == 0 ? null : candidates.MaxBy(f => Prominence(f.Box, frame));
    }

    public static double Prominence(Rect2f box, Size frame)
    {
        var dx = (box.X + box.Width / 2 - frame.Width / 2.0) / frame.Width;
        var dy = (box.Y + box.Height / 2 - frame.Height / 2.0) / frame.Height;
        var offCentre = Math.Sqrt(dx * dx + dy * dy);
        return box.Width * box.Height * (1 - offCentre);
    }

    public static float Iou(Rect2f a, Rect2f b)
    {
        var x1 = Math.Max(a.X, b.X);
        var y1 = Math.Max(a.Y, b.Y);
        var x2 = Math.Min(a.X + a.Width, b.X + b.Width);
        var y2 = Math.Min(a.Y + a.Height, b.Y + b.Height);
        var inter = Math.Max(0, x2 - x1) * Math.Max(0, y2 - y1);
        var union = a.Width * a.Height + b.Width * b.Height - inter;
        return union <= 0 ? 0 : inter / union;
    }

    private FaceCandidate Smooth(FaceCandidate current, FaceCandidate previous)
    {
        var a = (float)smoothing;
        float Mix(float now, float before) => a * now + (1 - a) * before;
        var box = new Rect2f(Mix(current.Box.X, previous.Box.X), Mix(current.Box.Y, previous.Box.Y),
            Mix(current.Box.Width, previous.Box.Width), Mix(current.Box.Height, previous.Box.Height));
        return current with { Box = box };
    }
}
