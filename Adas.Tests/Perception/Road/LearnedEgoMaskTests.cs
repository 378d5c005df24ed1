using Adas.Perception.Detection;
using OpenCvSharp;

namespace Adas.Tests.Perception.Road;

/// <summary>The per-video ego mask learned from real footage (dev-set clips), and what it drops.</summary>
public sealed class LearnedEgoMaskTests(ITestOutputHelper output)
{
    private static readonly Rect TextBox = new(10, 8, 300, 22);

    /// <summary>A burned-in timestamp (drawn by the test, its seconds ticking) on the real country-road drive.</summary>
    [Fact]
    public void A_burned_in_timestamp_is_learned_and_a_detection_on_it_is_dropped_while_the_road_stays_free()
    {
        using var mask = new LearnedEgoMask(new LearnedEgoMaskOptions());
        using var capture = new VideoCapture(DevSetRuns.Clip("country_road_640x360"));
        using var frame = new Mat();
        var fps = capture.Fps;
        for (var i = 0; i < 150 && capture.Read(frame) && !frame.Empty(); i++)
        {
            var text = $"2026-12-01 14:13:{i / 30:00}  CAM1";
            Cv2.PutText(frame, text, new Point(14, 26), HersheyFonts.HersheySimplex, 0.6, OpenCvSharp.Scalar.All(0), 4);
            Cv2.PutText(frame, text, new Point(14, 26), HersheyFonts.HersheySimplex, 0.6, OpenCvSharp.Scalar.All(255), 1);
            mask.Update(frame, fps);
        }
        var size = new Size(640, 360);
        var road = new Rect2f(240, 210, 160, 70); // the lane ahead, where vehicles are
        output.WriteLine($"covered {mask.CoveredFraction:P1}, text {mask.InsideFraction(ToRect2f(TextBox), size):P0}, road {mask.InsideFraction(road, size):P0}");
        Assert.True(mask.IsReady);
        Assert.True(mask.InsideFraction(ToRect2f(TextBox), size) >= 0.6);
        Assert.True(mask.InsideFraction(road, size) <= 0.1);
        var onText = new Detection(ToRect2f(TextBox), 2, "car", 0.6f);
        var onRoad = new Detection(road, 2, "car", 0.6f);
        Assert.Equal([onRoad], mask.Filter([onText, onRoad], size));
    }

    /// <summary>A standing car sees an unchanging world: nothing is learned from it, and nothing is dropped.</summary>
    [Fact]
    public void A_frozen_picture_teaches_nothing()
    {
        using var mask = new LearnedEgoMask(new LearnedEgoMaskOptions());
        using var capture = new VideoCapture(DevSetRuns.Clip("country_road_640x360"));
        using var frame = new Mat();
        Assert.True(capture.Read(frame));
        for (var i = 0; i < 120; i++) mask.Update(frame, 30);
        Assert.False(mask.IsReady);
        var box = new Rect2f(240, 210, 160, 70);
        Assert.Single(mask.Filter([new Detection(box, 2, "car", 0.6f)], new Size(640, 360)));
    }

    /// <summary>
    /// The motorcycle-crash dashcam burns a line of text into the bottom of its 1280x720 frames (read off the frames:
    /// about x 160-760, y 665-690); the road ahead of the car (uniform asphalt, as static on a thumbnail as the text)
    /// stays free.
    /// </summary>
    [Fact]
    public void The_burned_in_text_of_a_real_dashcam_is_masked_and_the_uniform_road_ahead_is_not()
    {
        using var mask = new LearnedEgoMask(new LearnedEgoMaskOptions());
        using var capture = new VideoCapture(DevSetRuns.Clip("motorcycle_crash_1280x720"));
        using var frame = new Mat();
        var fps = capture.Fps;
        for (var i = 0; i < 60 && capture.Read(frame) && !frame.Empty(); i++) mask.Update(frame, fps);
        var size = new Size(1280, 720);
        var text = new Rect2f(160, 665, 600, 22);
        var road = new Rect2f(480, 430, 320, 180);
        output.WriteLine($"covered {mask.CoveredFraction:P1}, text {mask.InsideFraction(text, size):P0}, road {mask.InsideFraction(road, size):P0}");
        Assert.True(mask.IsReady);
        Assert.True(mask.InsideFraction(text, size) >= 0.6);
        Assert.True(mask.InsideFraction(road, size) <= 0.05);
        Assert.True(mask.CoveredFraction < 0.1);
        // The text line lies across the bottom of the view: the lanes' road patch is kept above it.
        output.WriteLine($"bonnet top {mask.BonnetTopFraction:0.000}");
        Assert.InRange(mask.BonnetTopFraction!.Value, 0.85, 0.92);
    }

    /// <summary>A text line at the top of the view is no bonnet: the road patch keeps its near edge.</summary>
    [Fact]
    public void A_mask_at_the_top_of_the_view_leaves_the_bottom_as_road()
    {
        using var mask = new LearnedEgoMask(new LearnedEgoMaskOptions());
        using var capture = new VideoCapture(DevSetRuns.Clip("country_road_640x360"));
        using var frame = new Mat();
        for (var i = 0; i < 150 && capture.Read(frame) && !frame.Empty(); i++)
        {
            Cv2.PutText(frame, $"2026-12-01 14:13:{i / 30:00}  CAM1", new Point(14, 26), HersheyFonts.HersheySimplex, 0.6, OpenCvSharp.Scalar.All(255), 2);
            mask.Update(frame, capture.Fps);
        }
        Assert.True(mask.IsReady);
        Assert.Null(mask.BonnetTopFraction);
    }

    private static Rect2f ToRect2f(Rect r) => new(r.X, r.Y, r.Width, r.Height);
}
