using OpenCvSharp;

namespace Adas.Perception.Detection;

public static class BoxGeometry
{
    public static float Iou(Rect2f a, Rect2f b)
    {
        var intersection = IntersectionArea(a, b);
        if (intersection <= 0) return 0;
        return intersection / (a.Width * a.Height + b.Width * b.Height - intersection);
    }

    public static float IntersectionArea(Rect2f a, Rect2f b)
    {
        var w = Math.Min(a.Right, b.Right) - Math.Max(a.Left, b.Left);
        var h = Math.Min(a.Bottom, b.Bottom) - Math.Max(a.Top, b.Top);
        return w <= 0 || h <= 0 ? 0 : w * h;
    }

    public static Rect ToRect(Rect2f box, int width, int height)
    {
        var x = Math.Clamp((int)box.X, 0, width - 1);
        var y = Math.Clamp((int)box.Y, 0, height - 1);
        var r = Math.Clamp((int)Math.Ceiling(box.Right), x + 1, width);
        var b = Math.Clamp((int)Math.Ceiling(box.Bottom), y + 1, height);
        return new Rect(x, y, r - x, b - y);
    }
}
