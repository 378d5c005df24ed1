using Adas.Perception.Road.Camera;
using Adas.Perception.Road.Lanes;
using Adas.Perception.Video;

namespace Adas.Tests.Perception.Road;

public sealed class EgoMotionTests
{
    [Fact]
    public void Measures_highway_speed_on_the_clip_and_nothing_on_a_still_frame()
    {
        using var moving = new LaneDetector(new CameraModel());
        using var still = new LaneDetector(new CameraModel());
        using var source = new VideoFrameSource(RoadAssets.HighwayLanesClip);
        var speeds = new List<double>();
        foreach (var frame in source.ReadFrames(TestContext.Current.CancellationToken))
        {
            moving.Detect(frame.Image, frame.TimestampSeconds);
            if (moving.EgoMotion.SpeedMetersPerSecond is { } s && frame.TimestampSeconds > 1) speeds.Add(s);
            if (frame.Index < 40) still.Detect(FirstFrame(frame), frame.TimestampSeconds);
        }

        Assert.True(speeds.Count > 150);
        Assert.InRange(speeds.Order().ElementAt(speeds.Count / 2), 15, 40); // a highway, 55-145 km/h
        Assert.False(moving.EgoMotion.IsKnownSlowerThan(2));
        Assert.True(still.EgoMotion.IsKnownSlowerThan(1));
    }

    private OpenCvSharp.Mat? _first;

    private OpenCvSharp.Mat FirstFrame(VideoFrame frame) => _first ??= frame.Image.Clone();
}
