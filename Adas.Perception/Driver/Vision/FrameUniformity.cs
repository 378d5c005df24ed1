using OpenCvSharp;

namespace Adas.Perception.Driver.Vision;

/// <summary>A covered or blinded camera gives a near-uniform frame: low standard deviation of the pixel values.</summary>
public static class FrameUniformity
{
    public static double StdDev(Mat bgr)
    {
        Cv2.MeanStdDev(bgr, out _, out var std);
        return (std.Val0 + std.Val1 + std.Val2) / 3;
    }

    public static bool IsObstructed(Mat bgr, double maxStdDev) => StdDev(bgr) < maxStdDev;
}
