using Adas.Perception.Road.Camera;
using Adas.Perception.Road.Lanes;
using Adas.Perception.Video;
using OpenCvSharp;

namespace Adas.Tests.Perception.Road;

public sealed class LaneDetectorTests
{
    private static readonly CameraModel Camera = new();

    /// <summary>A bonnet line found in the view moves the road patch's near edge up (never down, never above 0.75), and the lane stays found.</summary>
    [Fact]
    public void The_road_patch_is_kept_above_a_bonnet_and_the_lane_carries_over()
    {
        using var detector = new LaneDetector(Camera);
        LaneState Step(int i)
        {
            using var frame = SyntheticRoad.Render(Camera, 960, 540, z => -1.85, z => 1.85, dashedLeft: true);
            return detector.Detect(frame, i * 0.04);
        }
        for (var i = 0; i < 5; i++) Step(i);
        Assert.Equal(0.92 * 540, detector.Projection!.NearRow, 1);

        detector.KeepNearRowAbove(0.85);
        Assert.Equal(0.85 * 540, detector.Projection!.NearRow, 1);
        Assert.True(detector.State.BothConfident);
        detector.KeepNearRowAbove(0.9);
        Assert.Equal(0.85 * 540, detector.Projection!.NearRow, 1);
        detector.KeepNearRowAbove(0.4);
        Assert.Equal(LaneDetector.MinNearRowFraction * 540, detector.Projection!.NearRow, 1);

        var state = Step(5);
        Assert.True(state.BothConfident);
        Assert.Equal(3.7, state.LaneWidthMeters!.Value, 0.25);
    }

    [Theory]
    [InlineData(0.5, 0.0)]
    [InlineData(-0.6, 0.0025)]
    [InlineData(0.3, -0.0025)]
    public void Fits_curved_lanes_and_measures_the_known_offset(double vehicleRightOfCentre, double curvature)
    {
        using var detector = new LaneDetector(Camera);
        LaneState state = LaneState.None;
        for (var i = 0; i < 5; i++)
        {
            using var frame = SyntheticRoad.Render(Camera, 960, 540,
                z => -1.85 - vehicleRightOfCentre + curvature * z * z,
                z => 1.85 - vehicleRightOfCentre + curvature * z * z, dashedLeft: true);
            state = detector.Detect(frame, i * 0.04);
        }

        Assert.True(state.BothConfident);
        Assert.Equal(vehicleRightOfCentre / 3.7, state.OffsetFraction!.Value, 0.03);
        Assert.Equal(vehicleRightOfCentre, state.OffsetMeters!.Value, 0.12);
        Assert.Equal(3.7, state.LaneWidthMeters!.Value, 0.25);
        var bend = state.Right!.Polynomial.At(0) - state.Right.Polynomial.At(1);
        if (curvature > 0) Assert.True(bend > 0.02, $"right line should bend right at distance, bend {bend:0.000}");
        if (curvature < 0) Assert.True(bend < -0.02, $"right line should bend left at distance, bend {bend:0.000}");
        Assert.True(Math.Sign(state.Left!.Polynomial.A) == Math.Sign(state.Right.Polynomial.A) || curvature == 0);
    }

    [Theory]
    [InlineData("lanes_solidWhiteCurve.jpg")]
    [InlineData("lanes_solidWhiteRight.jpg")]
    [InlineData("lanes_solidYellowCurve.jpg")]
    [InlineData("lanes_solidYellowCurve2.jpg")]
    [InlineData("lanes_solidYellowLeft.jpg")]
    [InlineData("lanes_whiteCarLaneSwitch.jpg")]
    public void Finds_both_lines_on_real_stills_with_white_and_yellow_paint(string image)
    {
        using var detector = new LaneDetector(Camera);
        using var frame = OpenCvSharp.Cv2.ImRead(RoadAssets.Image(image));
        var state = detector.Detect(frame, 0);
        Assert.True(state.BothConfident, $"left {state.Left?.Confidence:0.00} right {state.Right?.Confidence:0.00}");
        Assert.InRange(state.OffsetFraction!.Value, -0.2, 0.2);
        Assert.InRange(state.LaneWidthMeters!.Value, 2.8, 4.8);
    }

    [Fact]
    public void Does_not_take_a_zebra_crossing_for_lane_lines()
    {
        using var detector = new LaneDetector(Camera);
        var confident = 0;
        for (var i = 0; i < 10; i++)
        {
            using var frame = SyntheticRoad.Render(Camera, 960, 540, _ => -50, _ => 50);
            for (var stripe = -6; stripe <= 6; stripe++)
            {
                var x = stripe * 0.9 + i * 0.05;
                Point[] quad =
                [
                    SyntheticRoad.Project(Camera, frame, x, 8), SyntheticRoad.Project(Camera, frame, x + 0.5, 8),
                    SyntheticRoad.Project(Camera, frame, x + 0.5, 12), SyntheticRoad.Project(Camera, frame, x, 12),
                ];
                Cv2.FillConvexPoly(frame, quad, OpenCvSharp.Scalar.White);
            }
            if (detector.Detect(frame, i * 0.04).BothConfident) confident++;
        }
        Assert.Equal(0, confident);
    }

    [Fact]
    public void Reports_no_lane_on_a_road_without_paint()
    {
        using var detector = new LaneDetector(Camera);
        using var frame = SyntheticRoad.Render(Camera, 960, 540, _ => -50, _ => 50);
        Assert.False(detector.Detect(frame, 0).BothConfident);
    }

    [Fact]
    public void Finds_both_lines_in_nearly_every_frame_of_the_highway_clip_with_a_stable_offset()
    {
        using var detector = new LaneDetector(Camera);
        using var source = new VideoFrameSource(RoadAssets.HighwayLanesClip);
        var frames = 0;
        var offsets = new List<double>();
        foreach (var frame in source.ReadFrames(TestContext.Current.CancellationToken))
        {
            frames++;
            var state = detector.Detect(frame.Image, frame.TimestampSeconds);
            if (state.BothConfident) offsets.Add(state.OffsetFraction!.Value);
        }

        var rate = offsets.Count / (double)frames;
        Assert.True(rate >= 0.95, $"both lines in {rate:P1} of {frames} frames");
        var mean = offsets.Average();
        var spread = Math.Sqrt(offsets.Average(o => (o - mean) * (o - mean)));
        Assert.InRange(mean, -0.15, 0.15);
        Assert.True(spread < 0.05, $"offset spread {spread:0.000}");
        Assert.All(offsets, o => Assert.InRange(o, -0.25, 0.25));
    }
}
