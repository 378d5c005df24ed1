using Adas.Perception.Road.Lanes;
using Adas.Perception.Video;
using OpenCvSharp;

namespace Adas.Tests.Perception.Road;

/// <summary>TwinLiteNet (opt-in lane model) on a real night frame: lines lit only by the headlights.</summary>
public sealed class TwinLiteLaneSegmenterTests
{
    [Fact]
    public void Marks_the_headlit_lane_lines_left_and_right_of_the_car_and_nothing_in_the_sky()
    {
        using var source = new VideoFrameSource(DevSetRuns.Clip("night_highway_640x360"));
        var frame = source.ReadFrames(TestContext.Current.CancellationToken).Skip(300).First().Image; // 10 s in
        using var model = new TwinLiteLaneSegmenter(RoadAssets.Models.LaneSegmentation);
        using var input = new Mat();
        using var mask = new Mat();
        model.Resize(frame, input);
        model.Segment(input, mask);

        Assert.Equal(new Size(640, 360), mask.Size());
        // the frame: solid line from about (180, 350) up-right, dashed line from about (460, 310) up-left (night.png, 640x360)
        using var nearLeft = new Mat(mask, new Rect(120, 290, 200, 70));
        using var nearRight = new Mat(mask, new Rect(320, 290, 200, 70));
        using var sky = new Mat(mask, new Rect(0, 0, 640, 140));
        Assert.True(Cv2.CountNonZero(nearLeft) >= 100, $"left line pixels {Cv2.CountNonZero(nearLeft)}");
        Assert.True(Cv2.CountNonZero(nearRight) >= 100, $"right line pixels {Cv2.CountNonZero(nearRight)}");
        Assert.True(Cv2.CountNonZero(sky) <= 20, $"sky pixels {Cv2.CountNonZero(sky)}");
    }
}
