using Adas.Perception.Driver;
using Adas.Perception.Driver.Vision;
using OpenCvSharp;

namespace Adas.Tests.Perception.Driver;

/// <summary>Photographs read through the pipeline's own public steps (find faces, choose the driver, read; read an eye).</summary>
public static class StillImages
{
    private static readonly float AcquireScore = new DriverOptions().FaceScoreThreshold;

    /// <summary>The most prominent face of a still image, or null when there is none.</summary>
    public static FaceReading? ReadStill(this DriverFaceReader reader, Mat bgr)
    {
        var face = new DriverFaceSelector(acquireScore: AcquireScore).Select(reader.FindFaces(bgr), bgr.Size(), null);
        return face is null ? null : reader.Read(bgr, face);
    }

    /// <summary>A picture of one eye, its square centred crop given as the corners the pipeline would crop it from.</summary>
    public static EyeReading ReadEyeImage(this EyeRegionReader eyes, Mat bgrEye)
    {
        var halfWidth = Math.Max(bgrEye.Width, bgrEye.Height) / (2 * EyelidLandmarker.CropScale);
        var (x, y) = (bgrEye.Width / 2f, bgrEye.Height / 2f);
        return eyes.Read(bgrEye, new Point2f(x - halfWidth, y), new Point2f(x + halfWidth, y), mirror: false);
    }
}
