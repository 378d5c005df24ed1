using OpenCvSharp;

namespace Adas.Perception.Road.Rules;

/// <summary>A small JPEG of a frame (downscaled, the subject boxed), made only when an event asks for it.</summary>
public static class SnapshotEncoder
{
    public static byte[] Encode(Mat frame, Rect2f? highlight, int maxWidth = 320)
    {
        var scale = Math.Min(1.0, maxWidth / (double)frame.Width);
        using var small = new Mat();
        Cv2.Resize(frame, small, new Size(Math.Max(1, (int)(frame.Width * scale)), Math.Max(1, (int)(frame.Height * scale))),
            0, 0, InterpolationFlags.Area);
        if (highlight is { } box)
            Cv2.Rectangle(small, new Rect((int)(box.X * scale), (int)(box.Y * scale), (int)(box.Width * scale), (int)(box.Height * scale)),
                Scalar.Red, 2);
        Cv2.ImEncode(".jpg", small, out var jpeg, new ImageEncodingParam(ImwriteFlags.JpegQuality, 75));
        return jpeg;
    }
}
