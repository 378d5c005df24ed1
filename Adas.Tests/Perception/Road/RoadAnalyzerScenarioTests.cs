using Adas.Perception.Analysis;
using Adas.Perception.Detection;
using Adas.Perception.Events;
using Adas.Perception.Road;
using Adas.Perception.Road.Camera;
using Adas.Perception.Road.Rules;
using Adas.Perception.Video;
using OpenCvSharp;
using Detection = Adas.Perception.Detection.Detection;

namespace Adas.Tests.Perception.Road;

/// <summary>
/// End-to-end scenarios through <see cref="RoadAnalyzer"/>: a synthetic road with lane lines and scripted detections
/// whose boxes follow the camera geometry of a known motion, at several frame rates and resolutions.
/// </summary>
public sealed class RoadAnalyzerScenarioTests
{
    private static readonly CameraModel Camera = new();

    private static Detection BoxAt(int classId, string label, double distance, double lateral, double widthMeters,
        double heightMeters, int frameWidth, int frameHeight)
    {
        var f = Camera.FocalPixels(frameWidth);
        var w = (float)(f * widthMeters / distance);
        var h = (float)(f * heightMeters / distance);
        var bottom = (float)Camera.GroundRow(distance, frameWidth, frameHeight);
        var cx = (float)(frameWidth / 2.0 + f * lateral / distance);
        return new Detection(new Rect2f(cx - w / 2, bottom - h, w, h), classId, label, 0.85f);
    }

    /// <summary>
    /// Runs the scripted scene over the synthetic road; each vehicle's box is painted with the rear of a real car (from
    /// a highway photo), so its pixels scale as the box does, as a real car's would.
    /// </summary>
    private static AnalysisOutput Run(int width, int height, double fps, double seconds, Func<double, IReadOnlyList<Detection>> scene,
        out StageTimings timings, double egoSpeed = 20, RoadOptions? options = null)
    {
        timings = new StageTimings();
        var frames = (int)(seconds * fps);
        IReadOnlyList<Detection> current = [];
        using var analyzer = new RoadAnalyzer(RoadAssets.Models, options ?? new RoadOptions(), new ScriptedDetector(_ => current));
        analyzer.Begin(new VideoInfo(width, height, fps, frames, seconds, "synthetic"), timings);
        using var clips = new LeadCarClip();
        for (var i = 0; i < frames; i++)
        {
            current = scene(i / fps);
            using var frame = SyntheticRoad.Render(Camera, width, height, _ => -1.85, _ => 1.85, dashedLeft: true,
                travelledMeters: egoSpeed * i / fps);
            foreach (var vehicle in current.Where(d => CocoClasses.IsVehicle(d.ClassId))) Paint(frame, clips.CarRear, vehicle.Box);
            analyzer.ProcessFrame(new VideoFrame(frame, i, i / fps));
        }
        return analyzer.Complete();
    }

    private static void Paint(Mat frame, Mat picture, Rect2f box)
    {
        var target = new Rect((int)box.X, (int)box.Y, (int)Math.Round(box.Width), (int)Math.Round(box.Height));
        var visible = target & new Rect(0, 0, frame.Width, frame.Height);
        if (visible.Width < 2 || visible.Height < 2) return;
        using var scaled = picture.Resize(target.Size, 0, 0, InterpolationFlags.Area);
        using var part = new Mat(scaled, new Rect(visible.X - target.X, visible.Y - target.Y, visible.Width, visible.Height));
        using var destination = new Mat(frame, visible);
        part.CopyTo(destination);
    }

    [Theory]
    [InlineData(960, 540, 25.0)]
    [InlineData(1280, 720, 30.0)]
    [InlineData(640, 360, 30.0)]
    public void A_lead_car_closing_at_ten_metres_per_second_raises_one_critical_forward_collision_warning(int width, int height, double fps)
    {
        var output = Run(width, height, fps, 3.5, t =>
            t < 2.4 ? [BoxAt(CocoClasses.Car, "car", 30 - 10 * t, 0.1, 1.8, 1.5, width, height)] : [], out var timings);

        var fcw = Assert.Single(output.Events, e => e.Type == EventTypes.ForwardCollisionWarning);
        Assert.Equal(EventSeverity.Critical, fcw.Severity);
        Assert.InRange(fcw.StartSeconds, 0.2, 0.9); // TTC reaches 2.7 s at t = 0.3 s
        Assert.InRange(fcw.PeakValue!.Value, 0.3, 1.2);
        Assert.NotNull(fcw.TrackId);
        Assert.NotNull(fcw.Snapshot);
        Assert.True(fcw.Snapshot!.Length is > 1000 and < 60_000);
        Assert.DoesNotContain(output.Events, e => e.Type == EventTypes.CloseFollowing); // under 10 m for only ~0.4 s
        Assert.DoesNotContain(output.Events, e => e.Type == EventTypes.LaneDeparture);
        var stages = timings.MillisecondsPerFrame(1).Keys;
        Assert.Equal(["background", "detect", "lanes", "render", "signs", "track"], stages.Order());
    }

    [Fact]
    public void A_car_holding_its_distance_ahead_raises_no_collision_warning_but_close_following_when_near()
    {
        var far = Run(960, 540, 25, 5, _ => [BoxAt(CocoClasses.Car, "car", 25, 0, 1.8, 1.5, 960, 540)], out _);
        Assert.Empty(far.Events);

        var near = Run(960, 540, 25, 5, _ => [BoxAt(CocoClasses.Car, "car", 8, 0, 1.8, 1.5, 960, 540)], out _);
        var e = Assert.Single(near.Events);
        Assert.Equal(EventTypes.CloseFollowing, e.Type);
        Assert.InRange(e.PeakValue!.Value, 7, 9);
        Assert.InRange(e.EndSeconds - e.StartSeconds, 4.0, 5.0);
    }

    [Fact]
    public void Waiting_behind_a_car_while_standing_still_is_not_close_following_when_the_speed_gate_is_on()
    {
        var gated = new RoadOptions { Events = new RoadEventOptions { CloseFollowingMinEgoSpeed = 2 } };
        var output = Run(960, 540, 25, 5, _ => [BoxAt(CocoClasses.Car, "car", 8, 0, 1.8, 1.5, 960, 540)], out _, egoSpeed: 0,
            options: gated);
        Assert.Empty(output.Events);
        Assert.True((double)output.Summary["mean_ego_speed_mps"]! < 1);
    }

    private static Detection Jitter(Detection d, Random random, float pixels)
    {
        float Noise() => (float)(random.NextDouble() * 2 - 1) * pixels;
        var b = d.Box;
        var left = b.Left + Noise();
        var top = b.Top + Noise();
        return d with { Box = new Rect2f(left, top, b.Right + Noise() - left, b.Bottom + Noise() - top) };
    }

    [Fact]
    public void Box_jitter_on_a_steady_lead_car_raises_no_forward_collision_warning_but_a_real_approach_still_does()
    {
        var random = new Random(7);
        var steady = Run(960, 540, 25, 10, _ => [Jitter(BoxAt(CocoClasses.Car, "car", 15, 0, 1.8, 1.5, 960, 540), random, 3)], out _);
        Assert.DoesNotContain(steady.Events, e => e.Type == EventTypes.ForwardCollisionWarning);

        var closing = Run(960, 540, 25, 3, t => t < 2.2
            ? [Jitter(BoxAt(CocoClasses.Car, "car", 30 - 12 * t, 0, 1.8, 1.5, 960, 540), random, 3)]
            : [], out _);
        Assert.Single(closing.Events, e => e.Type == EventTypes.ForwardCollisionWarning);
    }

    [Fact]
    public void A_closing_car_in_the_next_lane_raises_nothing()
    {
        var output = Run(960, 540, 25, 3, t => [BoxAt(CocoClasses.Car, "car", 30 - 8 * t, -3.7, 1.8, 1.5, 960, 540)], out _);
        Assert.DoesNotContain(output.Events, e => e.Type is EventTypes.ForwardCollisionWarning or EventTypes.CloseFollowing);
    }

    [Fact]
    public void A_pedestrian_in_the_path_raises_a_pedestrian_warning_and_one_on_the_pavement_does_not()
    {
        var inPath = Run(960, 540, 25, 1.8, t => [BoxAt(CocoClasses.Person, "person", 18 - 8 * t, 0.5, 0.5, 1.7, 960, 540)], out _, egoSpeed: 8);
        var e = Assert.Single(inPath.Events);
        Assert.Equal(EventTypes.PedestrianCollisionWarning, e.Type);

        var aside = Run(960, 540, 25, 1.8, t => [BoxAt(CocoClasses.Person, "person", 18 - 8 * t, 4.5, 0.5, 1.7, 960, 540)], out _, egoSpeed: 8);
        Assert.Empty(aside.Events);
    }

    [Fact]
    public void A_lane_change_at_highway_speed_raises_one_lane_departure_and_the_new_lane_is_found_again()
    {
        const double fps = 25;
        using var analyzer = new RoadAnalyzer(RoadAssets.Models, new RoadOptions(), new ScriptedDetector(_ => []));
        analyzer.Begin(new VideoInfo(960, 540, fps, 200, 8, "synthetic"), new StageTimings());
        var lastOffsets = new List<double>();
        for (var i = 0; i < 8 * fps; i++)
        {
            var t = i / fps;
            // centred for 2 s, then 3.7 m to the left over 3 s, then centred in the new lane
            var shift = t < 2 ? 0 : t < 5 ? -3.7 * (t - 2) / 3 : -3.7;
            using var frame = new Mat();
            using (var road = SyntheticRoad.Render(Camera, 960, 540, z => -5.55 - shift, z => 1.85 - shift, dashedLeft: false,
                       travelledMeters: 25 * t))
                road.CopyTo(frame);
            using (var middle = SyntheticRoad.Render(Camera, 960, 540, z => -1.85 - shift, z => 100, dashedLeft: true, travelledMeters: 25 * t))
                Cv2.Max(frame, middle, frame);
            analyzer.ProcessFrame(new VideoFrame(frame, i, t));
        }
        var output = analyzer.Complete();

        var departure = Assert.Single(output.Events, e => e.Type == EventTypes.LaneDeparture);
        Assert.Equal("left", departure.Details!["direction"]);
        Assert.InRange(departure.StartSeconds, 2.5, 4.0);
        Assert.True((double)output.Summary["lane_detection_rate"]! > 0.7);
    }
}
