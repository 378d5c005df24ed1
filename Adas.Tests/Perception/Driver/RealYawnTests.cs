using Adas.Perception.Analysis;
using Adas.Perception.Driver;
using Adas.Perception.Driver.Vision;
using Adas.Perception.Events;
using Adas.Tests.Infrastructure;
using OpenCvSharp;

namespace Adas.Tests.Perception.Driver;

/// <summary>
/// No real yawn clip exists in the set, so the clip is built from a real photo of a wide-open mouth (the labelled
/// wink photo, laughing; the 478-point model reads MAR 0.65 there) and the same photo with the person's own hand
/// (cut from beside her face) pasted over the mouth, which the model reads as a closed mouth (MAR 0.03).
/// What it proves: the model's reading of a real open mouth passes the per-model yawn threshold, the yawn rule fires
/// on it after 1 s, and a hand covering the mouth partway (real pixels, the reading really drops) does not end
/// the yawn; the control without the gap bridging splits it in two. It does not prove the timing of a real yawn
/// (the mouth opens at once here) nor that every yawn reaches 0.45: held-out clips must show that.
/// </summary>
public sealed class RealYawnTests : IDisposable
{
    private const double Fps = 30;
    private static readonly Rect Hand = new(180, 240, 240, 300);
    private readonly string _dir = TestPaths.NewTempDirectory("driver-yawn");

    private async Task<string> WriteYawnClipAsync()
    {
        using var photo = Cv2.ImRead(TestPaths.Asset("media/dev/labelled/faces/closed_open.jpg"), ImreadModes.Color);
        using var open = photo.Resize(new Size(640, 482));
        using var reader = new DriverFaceReader(DriverImages.Models, new DriverOptions());
        var reading = reader.ReadStill(open) ?? throw new InvalidOperationException("No face in the photo.");
        Assert.True(reading.Mar > 0.5, $"MAR of the open mouth {reading.Mar:0.00}");
        using var covered = CoverMouth(open, reading);

        // Covered 0-1 s, open 1-2.2 s, covered 2.2-3 s (the hand partway through), open 3-4.4 s, covered 4.4-5.4 s.
        static bool Covered(double t) => t < 1 || (t >= 2.2 && t < 3) || t >= 4.4;
        var path = Path.Combine(_dir, "yawn.mp4");
        await SyntheticCabinVideo.WriteAsync(path, (int)(5.4 * Fps), i => Covered(i / Fps) ? covered : open);
        return path;
    }

    private static Mat CoverMouth(Mat image, FaceReading reading)
    {
        var layout = reading.Layout;
        var points = reading.Landmarks;
        var mouthX = (points[layout.MouthCorners[0]].X + points[layout.MouthCorners[1]].X) / 2;
        var mouthY = (points[layout.InnerLipUpper[1]].Y + points[layout.InnerLipLower[1]].Y) / 2;
        var scale = image.Width / 900.0;
        var hand = new Rect((int)(Hand.X * scale), (int)(Hand.Y * scale), (int)(Hand.Width * scale), (int)(Hand.Height * scale));
        var target = new Rect((int)(mouthX - hand.Width / 2f), (int)(mouthY - hand.Height * 0.4f), hand.Width, hand.Height);
        var covered = image.Clone();
        using var source = new Mat(image, hand);
        using var destination = new Mat(covered, target);
        source.CopyTo(destination);
        return covered;
    }

    private static async Task<AnalysisResult> AnalyseAsync(string path, DriverOptions options, string output)
    {
        using var analyzer = new DriverAnalyzer(DriverImages.Models, options);
        return await VideoAnalyzer.RunAsync(path, output, analyzer, cancellationToken: TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_real_wide_open_mouth_held_is_one_yawn_even_with_a_hand_over_it_partway()
    {
        var clip = await WriteYawnClipAsync();

        var bridged = await AnalyseAsync(clip, new DriverOptions(), Path.Combine(_dir, "a.mp4"));
        var unbridged = await AnalyseAsync(clip, new DriverOptions { YawnMaxGapSeconds = 0 }, Path.Combine(_dir, "b.mp4"));

        // (The laughing head is turned 35 degrees: a distraction episode comes along, which is right for the pose.)
        var yawn = Assert.Single(bridged.Output.Events, e => e.Type == EventTypes.Yawning);
        Assert.DoesNotContain(bridged.Output.Events, e => e.Type == EventTypes.Microsleep);
        Assert.InRange(yawn.StartSeconds, 0.9, 1.3);
        Assert.True(yawn.EndSeconds >= 4.3, $"yawn ends at {yawn.EndSeconds:0.00}");
        Assert.InRange(yawn.PeakValue!.Value, 0.5, 1.2);
        Assert.Equal(1, bridged.Output.Summary["yawns"]);
        Assert.Equal(2, unbridged.Output.Events.Count(e => e.Type == EventTypes.Yawning));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
