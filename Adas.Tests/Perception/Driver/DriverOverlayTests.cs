using Adas.Perception.Driver;
using Adas.Perception.Driver.Rendering;
using Adas.Perception.Driver.Signals;
using Adas.Perception.Driver.Vision;
using Adas.Perception.Events;
using OpenCvSharp;

namespace Adas.Tests.Perception.Driver;

public sealed class DriverOverlayTests
{
    [Fact]
    public void The_overlay_marks_the_face_and_warnings_and_leaves_the_clock_corner_free()
    {
        using var face = DriverImages.GraceHopper();
        using var frame = DriverImages.OnCanvas(face, 440);
        using var reader = new DriverFaceReader(DriverImages.Models, new DriverOptions());
        var reading = reader.ReadStill(frame)!;
        var status = new DriverSignalTracker(new DriverOptions()).Update(new DriverMeasurement(0, true, reading.Ear, reading.Mar,
            reading.Pose.Yaw, reading.Pose.Pitch));
        var warned = status with { Warnings = [new ActiveWarning(EventTypes.Microsleep, EventSeverity.Critical)] };
        using var drawn = frame.Clone();

        DriverOverlay.Draw(drawn, reading, warned, [FakeObjectDetector.Phone(80, 300)], new DriverOptions());

        Assert.True(Changed(frame, drawn, FaceCrop.Round(reading.Face.Box)) > 0.01, "face box and landmarks");
        Assert.True(Changed(frame, drawn, new Rect(0, 0, 240, 120)) > 0.5, "gauge panel");
        Assert.True(Changed(frame, drawn, new Rect(480, 0, 160, 40)) > 0.2, "warning HUD");
        Assert.True(Changed(frame, drawn, new Rect(78, 298, 54, 94)) > 0.05, "phone box");
        Assert.Equal(0, Changed(frame, drawn, new Rect(0, 440, 200, 40)));
    }

    [Fact]
    public void Without_a_face_only_the_panel_is_drawn()
    {
        using var frame = new Mat(480, 640, MatType.CV_8UC3, new OpenCvSharp.Scalar(90, 90, 90));
        using var drawn = frame.Clone();
        var status = new DriverSignalTracker(new DriverOptions()).Update(new DriverMeasurement(0, false));

        DriverOverlay.Draw(drawn, null, status, [], new DriverOptions());

        Assert.True(Changed(frame, drawn, new Rect(0, 0, 240, 120)) > 0.5);
        Assert.Equal(0, Changed(frame, drawn, new Rect(250, 130, 390, 350)));
    }

    private static double Changed(Mat before, Mat after, Rect area)
    {
        using var a = new Mat(before, area);
        using var b = new Mat(after, area);
        using var diff = new Mat();
        Cv2.Absdiff(a, b, diff);
        using var gray = diff.CvtColor(ColorConversionCodes.BGR2GRAY);
        return Cv2.CountNonZero(gray) / (double)(area.Width * area.Height);
    }
}
