using Adas.Perception.Analysis;
using Adas.Perception.Detection;
using Adas.Perception.Driver;
using Adas.Perception.Driver.Signals;
using Adas.Perception.Events;
using Adas.Perception.Video;
using Adas.Tests.Infrastructure;
using OpenCvSharp;

namespace Adas.Tests.Perception.Driver;

public sealed class DriverAnalyzerTests : IDisposable
{
    private readonly string _dir = TestPaths.NewTempDirectory("driver-e2e");

    [Fact]
    public async Task Eyes_closed_for_one_and_a_half_seconds_in_a_cabin_video_is_a_microsleep()
    {
        var input = Path.Combine(_dir, "cabin.mp4");
        var output = Path.Combine(_dir, "annotated.mp4");
        await SyntheticCabinVideo.WriteEyesClosingAsync(input, openSeconds: 3, closedSeconds: 1.5, reopenedSeconds: 1.5);

        using var analyzer = new DriverAnalyzer(DriverImages.Models, new DriverOptions());
        var result = await VideoAnalyzer.RunAsync(input, output, analyzer, cancellationToken: TestContext.Current.CancellationToken);

        var microsleep = Assert.Single(result.Output.Events);
        Assert.Equal(EventTypes.Microsleep, microsleep.Type);
        Assert.Equal(EventSeverity.Critical, microsleep.Severity);
        Assert.InRange(microsleep.StartSeconds, 2.95, 3.3);
        Assert.InRange(microsleep.EndSeconds, 4.3, 4.7);
        Assert.NotNull(microsleep.Snapshot);
        using (var snapshot = Cv2.ImDecode(microsleep.Snapshot!, ImreadModes.Color))
            Assert.Equal(new Size(640, 480), snapshot.Size());

        var seconds = result.Output.DriverStates;
        Assert.Equal([0, 1, 2, 3, 4, 5], seconds.Select(s => s.Second));
        Assert.All(seconds, s => Assert.True(s.FacePresent));
        Assert.All(seconds.Take(3), s => Assert.Equal(DriverStates.Alert, s.State));
        Assert.Equal(DriverStates.EyesClosed, seconds[3].State);
        Assert.Equal(DriverStates.Alert, seconds[5].State);
        Assert.InRange(seconds[1].Ear!.Value, 0.3, 0.42);
        Assert.True(seconds[3].Ear < 0.65 * seconds[1].Ear, $"closed EAR {seconds[3].Ear} vs open {seconds[1].Ear}");
        Assert.True(seconds[1].Yaw is > -12 and < 12, $"yaw {seconds[1].Yaw}");

        Assert.Equal(true, result.Output.Summary["calibrated"]);
        foreach (var stage in (string[])[DriverAnalyzer.FaceStage, DriverAnalyzer.LandmarksStage, DriverAnalyzer.SignalsStage, DriverAnalyzer.RenderStage])
            Assert.Contains(stage, result.StageMillisecondsPerFrame.Keys);
        Assert.DoesNotContain(DriverAnalyzer.PhoneStage, result.StageMillisecondsPerFrame.Keys);
        using var annotated = new VideoFrameSource(output);
        Assert.Equal(180, annotated.ReadFrames(TestContext.Current.CancellationToken).Count());
    }

    [Fact]
    public async Task A_driver_in_heavy_glasses_with_glare_who_closes_their_eyes_for_two_seconds_has_a_microsleep()
    {
        var input = Path.Combine(_dir, "glasses.mp4");
        await SyntheticCabinVideo.WriteEyesClosingAsync(input, openSeconds: 3, closedSeconds: 2, reopenedSeconds: 2, glasses: true);

        using var analyzer = new DriverAnalyzer(DriverImages.Models, new DriverOptions());
        var result = await VideoAnalyzer.RunAsync(input, Path.Combine(_dir, "out.mp4"), analyzer,
            cancellationToken: TestContext.Current.CancellationToken);

        var microsleep = Assert.Single(result.Output.Events);
        Assert.Equal(EventTypes.Microsleep, microsleep.Type);
        Assert.InRange(microsleep.StartSeconds, 2.95, 3.4);
        Assert.InRange(microsleep.EndSeconds, 4.7, 5.2);
        var seconds = result.Output.DriverStates;
        Assert.InRange(seconds[1].Ear!.Value, 0.22, 0.31); // the rims pull the open-eye reading down
        Assert.All(seconds.Take(3).Concat(seconds.Skip(5)), s => Assert.Equal(DriverStates.Alert, s.State));
    }

    [Fact]
    public async Task The_FaceMesh_pipeline_sees_the_same_microsleep()
    {
        var input = Path.Combine(_dir, "cabin.mp4");
        await SyntheticCabinVideo.WriteEyesClosingAsync(input, openSeconds: 3, closedSeconds: 1.5, reopenedSeconds: 1.5);

        using var analyzer = new DriverAnalyzer(DriverImages.Models, new DriverOptions { Landmarks = LandmarkModelKind.FaceMesh });
        var result = await VideoAnalyzer.RunAsync(input, Path.Combine(_dir, "out.mp4"), analyzer,
            cancellationToken: TestContext.Current.CancellationToken);

        var microsleep = Assert.Single(result.Output.Events);
        Assert.Equal(EventTypes.Microsleep, microsleep.Type);
        Assert.InRange(microsleep.StartSeconds, 2.95, 3.3);
        Assert.Equal("facemesh468", result.Output.Summary["landmark_model"]);
        Assert.Equal(6, result.Output.DriverStates.Count);
    }

    [Fact]
    public async Task Short_blinks_in_a_cabin_video_are_counted_and_raise_no_event()
    {
        var input = Path.Combine(_dir, "blinks.mp4");
        using var face = DriverImages.GraceHopper();
        using var open = DriverImages.OnCanvas(face, 440);
        using var reader = new Adas.Perception.Driver.Vision.DriverFaceReader(DriverImages.Models, new DriverOptions());
        using var closed = DriverImages.PaintEyesClosed(open, reader.ReadStill(open)!);
        // 0.2 s blinks at 3 s, 4.5 s and 6 s of an 8 s clip.
        static bool Blinking(int frame) => (int[])[90, 135, 180] is var starts && starts.Any(s => frame >= s && frame < s + 6);
        await SyntheticCabinVideo.WriteAsync(input, 240, i => Blinking(i) ? closed : open);

        using var analyzer = new DriverAnalyzer(DriverImages.Models, new DriverOptions());
        var result = await VideoAnalyzer.RunAsync(input, Path.Combine(_dir, "out.mp4"), analyzer,
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Empty(result.Output.Events);
        Assert.Equal(3, result.Output.Summary["blinks"]);
        Assert.InRange((double)result.Output.Summary["mean_blink_seconds"]!, 0.1, 0.3);
        Assert.All(result.Output.DriverStates, s => Assert.Equal(DriverStates.Alert, s.State));
    }

    [Fact]
    public async Task Looking_aside_for_four_seconds_in_a_cabin_video_is_distraction()
    {
        var input = Path.Combine(_dir, "aside.mp4");
        using var face = DriverImages.GraceHopper();
        using var reader = new Adas.Perception.Driver.Vision.DriverFaceReader(DriverImages.Models, new DriverOptions());
        var frontal = reader.ReadStill(face)!;
        var nose = frontal.Landmarks[frontal.Layout.PosePoints[0]];
        using var turnedFace = DriverImages.SqueezeSide(face, nose.X, rightSide: true, factor: 0.5f);
        using var ahead = DriverImages.OnCanvas(face, 440);
        using var aside = DriverImages.OnCanvas(turnedFace, 440);
        await SyntheticCabinVideo.WriteAsync(input, 240, i => i >= 90 && i < 210 ? aside : ahead);

        using var analyzer = new DriverAnalyzer(DriverImages.Models, new DriverOptions());
        var result = await VideoAnalyzer.RunAsync(input, Path.Combine(_dir, "out.mp4"), analyzer,
            cancellationToken: TestContext.Current.CancellationToken);

        var distraction = Assert.Single(result.Output.Events);
        Assert.Equal(EventTypes.Distraction, distraction.Type);
        Assert.InRange(distraction.StartSeconds, 2.95, 3.2);
        Assert.InRange(distraction.EndSeconds, 6.8, 7.1);
        Assert.Equal(DriverStates.Distracted, result.Output.DriverStates[5].State);
        Assert.True(result.Output.DriverStates[5].Yaw > 30, $"yaw {result.Output.DriverStates[5].Yaw}");
    }

    [Theory]
    [InlineData(300, 300, true)]   // in the driver's hand by the face
    [InlineData(20, 10, false)]    // on the back seat shelf, far from face and hands
    public async Task A_phone_by_the_driver_is_phone_use_and_one_elsewhere_is_not(float x, float y, bool expected)
    {
        var input = Path.Combine(_dir, "phone.mp4");
        await WriteStillAsync(input, 4);
        var detector = new FakeObjectDetector(FakeObjectDetector.Phone(x, y), new Detection(new Rect2f(0, 0, 640, 480), 0, "person", 0.9f));

        using var analyzer = new DriverAnalyzer(DriverImages.Models, new DriverOptions(), detector);
        var result = await VideoAnalyzer.RunAsync(input, Path.Combine(_dir, "out.mp4"), analyzer,
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(expected ? 1 : 0, result.Output.Events.Count(e => e.Type == EventTypes.PhoneUse));
        Assert.Equal(expected, result.Output.DriverStates.Any(s => s.State == DriverStates.Phone));
        // 4 searches a second (every 8th frame at 30 fps), the whole frame and the square around the head in turn
        Assert.InRange(detector.Calls, 14, 16);
        Assert.Contains(DriverAnalyzer.PhoneStage, result.StageMillisecondsPerFrame.Keys);
    }

    [Fact]
    public async Task An_empty_seat_is_driver_absent_and_a_covered_lens_is_camera_obstructed()
    {
        using var seat = new Mat(480, 640, MatType.CV_8UC3, new OpenCvSharp.Scalar(70, 80, 90));
        Cv2.Rectangle(seat, new Rect(200, 150, 240, 330), new OpenCvSharp.Scalar(30, 30, 35), -1);
        Cv2.Circle(seat, new Point(560, 90), 40, new OpenCvSharp.Scalar(200, 200, 210), -1);
        using var covered = new Mat(480, 640, MatType.CV_8UC3, new OpenCvSharp.Scalar(20, 22, 24));
        var empty = Path.Combine(_dir, "empty.mp4");
        var dark = Path.Combine(_dir, "covered.mp4");
        await SyntheticCabinVideo.WriteAsync(empty, 180, _ => seat);
        await SyntheticCabinVideo.WriteAsync(dark, 180, _ => covered);

        using var analyzer = new DriverAnalyzer(DriverImages.Models, new DriverOptions());
        var absent = await VideoAnalyzer.RunAsync(empty, Path.Combine(_dir, "a.mp4"), analyzer, cancellationToken: TestContext.Current.CancellationToken);
        var blocked = await VideoAnalyzer.RunAsync(dark, Path.Combine(_dir, "b.mp4"), analyzer, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal([EventTypes.DriverAbsent], absent.Output.Events.Select(e => e.Type));
        Assert.All(absent.Output.DriverStates, s => Assert.Equal(DriverStates.Absent, s.State));
        Assert.Equal([EventTypes.CameraObstructed], blocked.Output.Events.Select(e => e.Type));
        Assert.All(blocked.Output.DriverStates, s => Assert.Equal(DriverStates.Obstructed, s.State));
    }

    [Theory]
    [InlineData(2, 2)]
    [InlineData(16, 12)]
    [InlineData(1920, 1080)]
    public void Frames_of_any_size_are_analysed_without_failing(int width, int height)
    {
        using var analyzer = new DriverAnalyzer(DriverImages.Models, new DriverOptions());
        analyzer.Begin(new VideoInfo(width, height, 30, 30, 1, "h264"), new StageTimings());
        using var image = new Mat(height, width, MatType.CV_8UC3, new OpenCvSharp.Scalar(60, 70, 80));

        for (var i = 0; i < 30; i++) analyzer.ProcessFrame(new VideoFrame(image, i, i / 30.0));
        var output = analyzer.Complete();

        Assert.Single(output.DriverStates);
        Assert.False(output.DriverStates[0].FacePresent);
    }

    private static async Task WriteStillAsync(string path, double seconds)
    {
        using var face = DriverImages.GraceHopper();
        using var canvas = DriverImages.OnCanvas(face, 440);
        await SyntheticCabinVideo.WriteAsync(path, (int)(seconds * SyntheticCabinVideo.Fps), _ => canvas);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
