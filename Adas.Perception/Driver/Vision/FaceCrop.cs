using OpenCvSharp;

namespace Adas.Perception.Driver.Vision;

/// <summary>Network input preparation: crops (padding with black outside the frame) and resizes.</summary>
public static class FaceCrop
{
    public static void Extract(Mat bgr, Rect rect, Size size, Mat destination)
    {
        var inside = rect & new Rect(0, 0, bgr.Width, bgr.Height);
        if (inside == rect)
        {
            using var roi = new Mat(bgr, rect);
            Cv2.Resize(roi, destination, size, 0, 0, InterpolationFlags.Linear);
            return;
        }
        using var padded = new Mat(rect.Size, MatType.CV_8UC3, Scalar.All(0));
        if (inside.Width > 0 && inside.Height > 0)
        {
            using var source = new Mat(bgr, inside);
            using var target = new Mat(padded, new Rect(inside.X - rect.X, inside.Y - rect.Y, inside.Width, inside.Height));
            source.CopyTo(target);
        }
        Cv2.Resize(padded, destination, size, 0, 0, InterpolationFlags.Linear);
    }

    public static Rect Round(Rect2f box) => new(
        (int)Math.Round(box.X), (int)Math.Round(box.Y),
        Math.Max(2, (int)Math.Round(box.Width)), Math.Max(2, (int)Math.Round(box.Height)));
}
