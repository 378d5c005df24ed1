using Adas.Perception.Analysis;
using Adas.Perception.Events;
using Adas.Perception.Road;
using Adas.Perception.Road.Camera;
using Adas.Perception.Video;
using Adas.Tests.Infrastructure;
using OpenCvSharp;

namespace Adas.Tests.Perception.Road;

/// <summary>
/// The whole road pipeline with the real detector on a real car's pixels: the rear of a car cut from a real highway
/// photo is placed on a real road photo at the size and row the camera model gives for its distance, frame by frame,
/// as it closes in at a known speed (so the true TTC is known), and encoded as H.264 like an upload.
/// </summary>
public sealed class ApproachingCarTests : IDisposable
{
    private const double Fps = 30;
    private readonly string _directory = TestPaths.NewTempDirectory("approach");

    [Fact]
    public async Task A_car_closing_at_eight_metres_per_second_raises_one_critical_forward_collision_warning()
    {
        var events = await AnalyseAsync(closingSpeed: 8, startDistance: 30, seconds: 3.5);

        var fcw = Assert.Single(events, e => e.Type == EventTypes.ForwardCollisionWarning);
        Assert.Equal(EventSeverity.Critical, fcw.Severity);
        // True TTC is distance / 8: it crosses the 2.7 s warning line at 0.9 s and the 1.5 s critical line at 2.25 s.
        Assert.InRange(fcw.StartSeconds, 0.3, 1.6);
        Assert.True(fcw.EndSeconds >= 2.9, $"ended at {fcw.EndSeconds:0.00} s");
        Assert.InRange(fcw.PeakValue!.Value, 0.3, 1.5);
    }

    [Fact]
    public async Task A_car_holding_its_distance_ahead_raises_no_collision_warning()
    {
        var events = await AnalyseAsync(closingSpeed: 0, startDistance: 18, seconds: 3.5);

        Assert.DoesNotContain(events, e => e.Type == EventTypes.ForwardCollisionWarning);
    }

    private async Task<IReadOnlyList<AnalysisEvent>> AnalyseAsync(double closingSpeed, double startDistance, double seconds)
    {
        var clip = Path.Combine(_directory, $"approach_{closingSpeed}.mp4");
        await WriteApproachAsync(clip, closingSpeed, startDistance, seconds);
        using var analyzer = new RoadAnalyzer(RoadAssets.Models, new RoadOptions());
        var result = await VideoAnalyzer.RunAsync(clip, Path.Combine(_directory, "annotated.mp4"), analyzer,
            cancellationToken: TestContext.Current.CancellationToken);
        return result.Output.Events;
    }

    private static async Task WriteApproachAsync(string path, double closingSpeed, double startDistance, double seconds)
    {
        using var donor = Cv2.ImRead(RoadAssets.Image("highway_cars_6.jpg"));
        using var car = new Mat(donor, new Rect(812, 406, 136, 90)); // the car's rear, as the detector boxes it
        using var road = Cv2.ImRead(RoadAssets.Image("lanes_solidWhiteRight.jpg"));
        var camera = new CameraModel();
        using var writer = new H264VideoWriter(path, road.Width, road.Height, Fps, crf: 20);
        using var frame = new Mat();
        using var scaled = new Mat();
        for (var i = 0; i < seconds * Fps; i++)
        {
            var distance = Math.Max(6, startDistance - closingSpeed * i / Fps);
            var width = camera.FocalPixels(road.Width) * 1.8 / distance;
            var height = width * car.Height / car.Width;
            var bottom = camera.GroundRow(distance, road.Width, road.Height);
            Cv2.Resize(car, scaled, new Size((int)width, (int)height), 0, 0, InterpolationFlags.Area);
            road.CopyTo(frame);
            using (var target = new Mat(frame, new Rect((int)(road.Width / 2.0 - width / 2), (int)(bottom - height), scaled.Width, scaled.Height)))
                scaled.CopyTo(target);
            writer.Write(frame);
        }
        await writer.CompleteAsync();
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
