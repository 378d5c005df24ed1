using Adas.Perception.Detection;
using Adas.Perception.Driver;
using Adas.Perception.Driver.Vision;
using Adas.Perception.Video;
using Adas.Tests.Infrastructure;
using OpenCvSharp;

namespace Adas.Tests.Perception.Driver;

/// <summary>
/// The real YOLOX-nano finds the phone held to the driver's ear, on frames of the development set's side-view cabin
/// clip (three 5 s segments: safe driving, the phone at the ear, drinking; see the asset manifest). The frames are
/// decoded from the clip by time; the face comes from the driver pipeline's own YuNet search and the phone from its
/// head search (<see cref="PhoneSearch"/>), so this is the detector the worker runs, on the input it gets.
/// </summary>
public sealed class PhoneDetectionTests : IDisposable
{
    private const string Clip = "media/dev/cabin/phone_side_view_640x480.avi";

    /// <summary>Where the phone is held in the second segment (boxed by hand from the frames: at the ear, left of the steering hand).</summary>
    private static readonly Rect2f EarRegion = new(270, 85, 65, 85);

    private static readonly DriverOptions Options = new();
    private readonly YoloxDetector _detector = new(DriverImages.Models.ObjectDetector, DriverImages.Models.ObjectDetectorClassNames,
        new YoloxDetectorOptions { Classes = new HashSet<int> { Options.PhoneClassId }, ScoreThreshold = 0.05f, IntraOpThreads = 1 });
    private readonly DriverFaceReader _faces = new(DriverImages.Models, Options);

    [Theory]
    [InlineData(6.0)]
    [InlineData(7.0)]
    [InlineData(8.5)]
    public void Finds_the_cell_phone_held_to_the_ear(double seconds)
    {
        using var frame = FrameAt(seconds);
        var face = FindDriverFace(frame);

        var phones = new PhoneSearch(_detector, Options.PhoneHeadZoom).Detect(frame, face.Box, turn: 1);

        Assert.True(phones.AroundHead);
        var phone = Assert.Single(phones.Detections, d => d.Score >= Options.PhoneNearFaceMinScore);
        Assert.Equal("cell phone", phone.Label);
        Assert.True(Inside(Centre(phone.Box), EarRegion), $"phone at {phone.Box}, face at {face.Box}");
        Assert.True(phone.Box.Width is > 10 and < 80 && phone.Box.Height is > 15 and < 100, $"phone box {phone.Box}");
        Assert.True(new PhoneProximity(Options).IsNearDriver(phone, face.Box, frame.Size()), $"phone at {phone.Box}, face at {face.Box}");
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(2.5)]
    [InlineData(4.0)]
    public void Finds_no_phone_by_the_head_while_the_driver_only_drives(double seconds)
    {
        using var frame = FrameAt(seconds);
        var face = FindDriverFace(frame);

        var phones = new PhoneSearch(_detector, Options.PhoneHeadZoom).Detect(frame, face.Box, turn: 1);

        Assert.True(phones.AroundHead);
        Assert.DoesNotContain(phones.Detections, d => d.Score >= Options.PhoneNearFaceMinScore);
    }

    private FaceCandidate FindDriverFace(Mat frame)
    {
        var face = new DriverFaceSelector(acquireScore: Options.FaceScoreThreshold).Select(_faces.FindFaces(frame), frame.Size(), null);
        Assert.NotNull(face);
        // The driver's head, in the upper left half of the side view (not the passenger's knees or the mirror).
        Assert.True(Inside(Centre(face.Box), new Rect2f(150, 20, 200, 170)), $"face at {face.Box}");
        return face;
    }

    /// <summary>The frame shown at <paramref name="seconds"/>, decoded from the start of the clip (no seeking, so no keyframe drift).</summary>
    private static Mat FrameAt(double seconds)
    {
        using var source = new VideoFrameSource(TestPaths.Asset(Clip));
        var image = new Mat();
        while (source.TryRead(image, out _, out var timestamp))
            if (timestamp >= seconds) return image;
        image.Dispose();
        throw new InvalidOperationException($"{Clip} ends before {seconds} s.");
    }

    private static Point2f Centre(Rect2f box) => new(box.X + box.Width / 2, box.Y + box.Height / 2);

    private static bool Inside(Point2f point, Rect2f region) =>
        point.X >= region.X && point.X <= region.X + region.Width && point.Y >= region.Y && point.Y <= region.Y + region.Height;

    public void Dispose()
    {
        _detector.Dispose();
        _faces.Dispose();
    }
}
