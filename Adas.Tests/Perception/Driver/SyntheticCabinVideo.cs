using Adas.Perception.Driver;
using Adas.Perception.Driver.Vision;
using Adas.Perception.Video;
using OpenCvSharp;

namespace Adas.Tests.Perception.Driver;

/// <summary>Writes 640x480, 30 fps in-cabin clips of the test face (H.264, as uploads are).</summary>
internal static class SyntheticCabinVideo
{
    public const double Fps = 30;

    /// <summary>Eyes open, then painted closed for a while, then open again.</summary>
    /// <param name="glasses">Draw glasses (rims and glare) over the eyes, open and closed.</param>
    public static async Task WriteEyesClosingAsync(string path, double openSeconds, double closedSeconds, double reopenedSeconds,
        bool glasses = false)
    {
        using var face = DriverImages.GraceHopper();
        using var bare = DriverImages.OnCanvas(face, 440);
        using var reader = new DriverFaceReader(DriverImages.Models, new DriverOptions());
        var reading = reader.ReadStill(bare) ?? throw new InvalidOperationException("No face on the synthetic canvas.");
        using var bareClosed = DriverImages.PaintEyesClosed(bare, reading);
        using var open = glasses ? DriverImages.PaintGlasses(bare, reading) : bare.Clone();
        using var closed = glasses ? DriverImages.PaintGlasses(bareClosed, reading) : bareClosed.Clone();
        var closeAt = (int)Math.Round(openSeconds * Fps);
        var reopenAt = closeAt + (int)Math.Round(closedSeconds * Fps);
        var total = reopenAt + (int)Math.Round(reopenedSeconds * Fps);
        await WriteAsync(path, total, i => i >= closeAt && i < reopenAt ? closed : open);
    }

    public static async Task WriteAsync(string path, int frames, Func<int, Mat> frameAt)
    {
        using var first = frameAt(0).Clone();
        using var writer = new H264VideoWriter(path, first.Width, first.Height, Fps, crf: 18);
        for (var i = 0; i < frames; i++) writer.Write(frameAt(i));
        await writer.CompleteAsync();
    }
}
