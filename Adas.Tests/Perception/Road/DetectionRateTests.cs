using Adas.Perception.Analysis;
using Adas.Perception.Detection;
using Adas.Perception.Road;
using Adas.Perception.Road.Camera;
using Adas.Perception.Video;
using OpenCvSharp;
using Detection = Adas.Perception.Detection.Detection;

namespace Adas.Tests.Perception.Road;

/// <summary>Detection at 15 Hz (<see cref="RoadOptions.DetectionsPerSecond"/>) with the tracker predicting between.</summary>
public sealed class DetectionRateTests
{
    [Theory]
    [InlineData(30.0, 0, 15)]   // every 2nd frame
    [InlineData(25.0, 0, 15)]   // every 2nd frame
    [InlineData(20.0, 0, 30)]   // every frame: 10 Hz would be too sparse
    [InlineData(60.0, 0, 8)]    // every 4th frame
    [InlineData(30.0, 1, 30)]   // DetectionsPerSecond = 0: every frame
    public void The_detector_runs_at_fifteen_hertz_and_one_car_stays_one_track(double fps, int everyFrame, int expectedCalls)
    {
        const int frames = 30;
        var camera = new CameraModel();
        var calls = 0;
        var f = camera.FocalPixels(640);
        var bottom = (float)camera.GroundRow(20, 640, 360);
        var (w, h) = ((float)(f * 1.8 / 20), (float)(f * 1.5 / 20));
        Detection[] car = [new(new Rect2f(320 - w / 2, bottom - h, w, h), CocoClasses.Car, "car", 0.85f)];
        var options = new RoadOptions { DetectionsPerSecond = everyFrame == 1 ? 0 : 15 };
        using var analyzer = new RoadAnalyzer(RoadAssets.Models, options, new ScriptedDetector(_ =>
        {
            calls++;
            return car;
        }));
        analyzer.Begin(new VideoInfo(640, 360, fps, frames, frames / fps, "synthetic"), new StageTimings());
        for (var i = 0; i < frames; i++)
        {
            using var frame = SyntheticRoad.Render(camera, 640, 360, _ => -1.85, _ => 1.85, dashedLeft: true, travelledMeters: 20 * i / fps);
            analyzer.ProcessFrame(new VideoFrame(frame, i, i / fps));
        }
        var summary = analyzer.Complete().Summary;

        Assert.Equal(expectedCalls, calls);
        Assert.Equal(1, summary["tracks"]);
        Assert.Equal(1, summary["max_objects"]);
    }
}
