using OpenCvSharp;

namespace Adas.Perception.Driver.Vision;

/// <summary>Network input preparation: crops (padding with black outside the frame), resizes, and fills NCHW RGB planes.</summary>
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

    /// <summary>Writes the BGR image as R, G, B planes of value * scale + offset.</summary>
    public static unsafe void FillRgbPlanes(Mat bgr, float[] tensor, float scale, float offset)
    {
        var width = bgr.Width;
        var height = bgr.Height;
        var plane = width * height;
        if (tensor.Length < 3 * plane) throw new ArgumentException("Tensor buffer too small.", nameof(tensor));
        for (var y = 0; y < height; y++)
        {
            var row = (byte*)bgr.Ptr(y);
            var at = y * width;
            for (var x = 0; x < width; x++, at++)
            {
                tensor[at] = row[3 * x + 2] * scale + offset;
                tensor[plane + at] = row[3 * x + 1] * scale + offset;
                tensor[2 * plane + at] = row[3 * x] * scale + offset;
            }
        }
    }

    public static Rect Round(Rect2f box) => new(
        (int)Math.Round(box.X), (int)Math.Round(box.Y),
        Math.Max(2, (int)Math.Round(box.Width)), Math.Max(2, (int)Math.Round(box.Height)));
}
