using OpenCvSharp;

namespace Adas.Perception.Analysis;

/// <summary>The frame number and video time in the bottom-left corner of every annotated frame.</summary>
public static class FrameClockOverlay
{
    public static void Draw(Mat image, int frameIndex, double seconds)
    {
        var text = $"frame {frameIndex}  t={TimeSpan.FromSeconds(seconds):mm\\:ss\\.ff}";
        var scale = Math.Max(0.4, image.Height / 1080.0);
        var origin = new Point(8, image.Height - 10);
        Cv2.PutText(image, text, origin, HersheyFonts.HersheySimplex, scale, Scalar.Black, 3, LineTypes.AntiAlias);
        Cv2.PutText(image, text, origin, HersheyFonts.HersheySimplex, scale, Scalar.White, 1, LineTypes.AntiAlias);
    }
}
