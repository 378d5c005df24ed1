using Adas.Perception.Analysis;
using Adas.Perception.Road;
using Adas.Perception.Road.Camera;
using Adas.Perception.Video;
using Adas.Tests.Infrastructure;
using OpenCvSharp;

namespace Adas.Tests.Perception.Road;

/// <summary>
/// The ego speed on the rain clip (a truck and its wet reflection fill the lane, solid lines only, raindrops and
/// wipers), checked against a ruler independent of the road texture: the construction barrels standing on the right
/// shoulder. From 6.0 to 8.0 s one barrel comes from beside the truck ahead to a few metres away; its ground contact
/// (the lowest orange pixel) gives its distance through the same camera model the pipeline calibrated, so the speed
/// at which it approaches is the car's. Read off the frames with the pipeline's calibrated horizon (0.544 of the height):
/// about 14 m at 6.0 s and 8 m at 8.0 s, 3 m/s (5 m/s with the horizon at the lane lines' vanishing point, 0.578): the
/// car follows the truck slowly through the works, not at highway speed; the road texture reads 3-5 m/s there.
/// </summary>
public sealed class RainEgoSpeedTests(ITestOutputHelper output)
{
    private const string Clip = "rain_highway_640x360";
    private const double BarrelFrom = 6.0, BarrelTo = 8.0;

    [Fact]
    public async Task The_ego_speed_in_the_rain_matches_the_speed_at_which_a_roadside_barrel_approaches()
    {
        var directory = TestPaths.NewTempDirectory("rain-ego-speed");
        try
        {
            using var analyzer = new RoadAnalyzer(RoadAssets.Models, new RoadOptions());
            var result = await VideoAnalyzer.RunAsync(DevSetRuns.Clip(Clip), Path.Combine(directory, "rain.mp4"), analyzer,
                cancellationToken: TestContext.Current.CancellationToken);
            var summary = result.Output.Summary;
            var camera = new CameraModel(HorizonFraction: (double)summary["horizon_fraction"]!);
            var barrel = BarrelApproachSpeed(camera);
            var perSecond = (double?[])summary["ego_speed_per_second_mps"]!;
            output.WriteLine($"barrel approaches at {barrel:0.0} m/s; ego speed {perSecond[6]} / {perSecond[7]} m/s at 6 / 7 s; mean {summary["mean_ego_speed_mps"]} m/s; horizon {camera.HorizonFraction}");

            // Monocular distances are rough (the barrel's foot is a few pixels, the horizon calibrated): agreement within
            // a factor of two, which still tells walking pace, town speed and highway speed apart.
            Assert.InRange(barrel, 1.5, 10);
            foreach (var second in (int[])[6, 7])
                Assert.InRange(perSecond[second]!.Value, barrel / 2, barrel * 2);
            Assert.InRange((double)summary["mean_ego_speed_mps"]!, barrel / 2, barrel * 2);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>
    /// The barrel's distance from the lowest pixel of the largest orange blob right of the frame centre, frame by
    /// frame, and the speed at which it approaches: the least-squares slope of distance over time.
    /// </summary>
    private static double BarrelApproachSpeed(CameraModel camera)
    {
        var track = new List<(double Time, double Distance)>();
        using var source = new VideoFrameSource(DevSetRuns.Clip(Clip));
        using var hsv = new Mat();
        using var orange = new Mat();
        using var bands = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(3, 25));
        foreach (var frame in source.ReadFrames(TestContext.Current.CancellationToken))
        {
            if (frame.TimestampSeconds < BarrelFrom) continue;
            if (frame.TimestampSeconds > BarrelTo) break;
            var (width, height) = (frame.Image.Width, frame.Image.Height);
            var region = new Rect(width / 2, (int)camera.HorizonY(height), width / 2, height - (int)camera.HorizonY(height));
            using (var part = new Mat(frame.Image, region)) Cv2.CvtColor(part, hsv, ColorConversionCodes.BGR2HSV);
            Cv2.InRange(hsv, new OpenCvSharp.Scalar(0, 120, 120), new OpenCvSharp.Scalar(20, 255, 255), orange);
            // A barrel is orange and white bands: closing vertically joins the bands into one barrel.
            Cv2.MorphologyEx(orange, orange, MorphTypes.Close, bands);
            using var labels = new Mat();
            using var stats = new Mat();
            using var centroids = new Mat();
            var count = Cv2.ConnectedComponentsWithStats(orange, labels, stats, centroids);
            var largest = Enumerable.Range(1, count - 1).Where(i => stats.At<int>(i, 4) >= 30)
                .OrderByDescending(i => stats.At<int>(i, 4)).FirstOrDefault();
            if (largest == 0) continue;
            var bottom = region.Y + stats.At<int>(largest, 1) + stats.At<int>(largest, 3);
            if (camera.GroundDistance(bottom, width, height) is { } distance) track.Add((frame.TimestampSeconds, distance));
        }
        Assert.True(track.Count >= 30, $"the barrel was seen in too few frames ({track.Count})");
        var (meanTime, meanDistance) = (track.Average(p => p.Time), track.Average(p => p.Distance));
        var slope = track.Sum(p => (p.Time - meanTime) * (p.Distance - meanDistance)) / track.Sum(p => (p.Time - meanTime) * (p.Time - meanTime));
        return -slope;
    }
}
