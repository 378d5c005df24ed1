using Adas.Perception.Driver;
using Adas.Perception.Driver.Vision;
using OpenCvSharp;

namespace Adas.Tests.Perception.Driver;

public sealed class FaceReadingTests : IDisposable
{
    private readonly DriverFaceReader _reader = new(DriverImages.Models, new DriverOptions());
    private readonly Mat _image = DriverImages.GraceHopper();

    private FaceReading Read(Mat image) => _reader.ReadStill(image) ?? throw new Xunit.Sdk.XunitException("No face found.");

    [Fact]
    public void The_test_face_is_found_with_open_eyes_a_closed_mouth_and_a_frontal_pose()
    {
        var reading = Read(_image);

        Assert.True(reading.Face.Score >= 0.8f);
        var box = reading.Face.Box;
        Assert.InRange(box.Width, 120, 300);
        Assert.InRange(box.X + box.Width / 2, 200, 312);
        Assert.InRange(reading.RightEar, 0.26, 0.42);
        Assert.InRange(reading.LeftEar, 0.26, 0.42);
        Assert.InRange(reading.Mar, 0, 0.15);
        Assert.InRange(reading.Pose.Yaw, -10, 10);
        Assert.InRange(reading.Pose.Pitch, -12, 12);
        Assert.InRange(reading.Pose.Roll, -8, 8);
        Assert.All(reading.Landmarks, p => Assert.True(box.Contains(p) || Distance(box, p) < 0.2 * box.Width));
    }

    [Fact]
    public void A_small_face_in_a_wide_720p_view_is_found_by_the_second_larger_search()
    {
        // A face about 45 px wide: on the 320 px copy it is 11 px, too small for YuNet; on the 640 px copy, 22 px.
        using var wide = DriverImages.OnCanvas(_image, faceSide: 120, width: 1280, height: 720);

        var reading = Read(wide);
        Assert.InRange(reading.Face.Box.Width, 35, 60);
        Assert.InRange(reading.Ear, 0.18, 0.42); // open, above the model's closed limits, though the eyes are 8 px wide
        Assert.InRange(reading.Pose.Yaw, -15, 15);

        using var coarseOnly = new DriverFaceReader(DriverImages.Models, new DriverOptions { FaceDetectionFineMaxSide = 0 });
        Assert.Null(coarseOnly.ReadStill(wide));
    }

    [Fact]
    public void Eyes_painted_closed_lower_the_eye_aspect_ratio_below_the_closed_threshold()
    {
        var open = Read(_image);
        using var closedImage = DriverImages.PaintEyesClosed(_image, open);

        var closed = Read(closedImage);

        var threshold = new DriverOptions().EyesClosedThreshold(open.Ear);
        Assert.True(closed.Ear < threshold, $"closed EAR {closed.Ear:0.000}, open {open.Ear:0.000}, threshold {threshold:0.000}");
        Assert.True(closed.RightEar < threshold && closed.LeftEar < threshold);
        Assert.InRange(closed.Pose.Yaw, -10, 10);
    }

    [Fact]
    public void A_mouth_painted_open_raises_the_mouth_aspect_ratio()
    {
        // PFLD reads a painted jaw drop only partly (about 0.3); a real yawn measures about 0.72.
        var closedMouth = Read(_image);
        using var yawning = DriverImages.PaintMouthOpen(_image, closedMouth);

        var open = Read(yawning);

        Assert.True(open.Mar > 0.2 && open.Mar > 5 * closedMouth.Mar, $"MAR {open.Mar:0.000} (closed {closedMouth.Mar:0.000})");
        Assert.InRange(open.Ear, 0.3, 0.42);
    }

    [Theory]
    [InlineData(-15)]
    [InlineData(15)]
    public void Rolling_the_image_rolls_the_head_pose_the_same_way(double counterClockwiseDegrees)
    {
        var upright = Read(_image);
        using var rotated = DriverImages.Rotate(_image, counterClockwiseDegrees);

        var rolled = Read(rotated);

        // Roll is positive clockwise in the image; OpenCV's rotation angle is positive counter-clockwise.
        var change = rolled.Pose.Roll - upright.Pose.Roll;
        Assert.Equal(Math.Sign(-counterClockwiseDegrees), Math.Sign(change));
        Assert.InRange(Math.Abs(change), 0.6 * Math.Abs(counterClockwiseDegrees), 1.4 * Math.Abs(counterClockwiseDegrees));
        Assert.InRange(rolled.Ear, 0.24, 0.42);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Squeezing_one_side_of_the_face_turns_the_yaw_towards_that_side(bool rightSide)
    {
        var frontal = Read(_image);
        var nose = frontal.Landmarks[frontal.Layout.PosePoints[0]];
        using var squeezed = DriverImages.SqueezeSide(_image, nose.X, rightSide, 0.6f);

        var turned = Read(squeezed);

        var change = turned.Pose.Yaw - frontal.Pose.Yaw;
        if (rightSide) Assert.InRange(change, 15, 60);
        else Assert.InRange(change, -60, -15);
        Assert.InRange(Math.Abs(turned.Pose.Roll - frontal.Pose.Roll), 0, 10);
    }

    [Fact]
    public void FaceMesh_landmarks_are_a_working_alternative()
    {
        using var mesh = new DriverFaceReader(DriverImages.Models, new DriverOptions { Landmarks = LandmarkModelKind.FaceMesh });
        var open = mesh.ReadStill(_image)!;
        using var closedImage = DriverImages.PaintEyesClosed(_image, Read(_image));

        var closed = mesh.ReadStill(closedImage)!;

        Assert.Equal(468, open.Landmarks.Length);
        Assert.InRange(open.Ear, 0.18, 0.4);
        Assert.InRange(open.Mar, 0, 0.15);
        Assert.True(closed.Ear < open.Ear - 0.04, $"closed {closed.Ear:0.000} vs open {open.Ear:0.000}");
        Assert.InRange(open.Pose.Yaw, -10, 10);
        Assert.InRange(open.Pose.Roll, -8, 8);
    }

    [Theory]
    [InlineData(-240, 0)]
    [InlineData(225, 0)]
    [InlineData(0, 250)]
    public void A_face_partly_out_of_the_frame_is_read_without_failing(int dx, int dy)
    {
        using var shift = Mat.FromArray(new double[,] { { 1, 0, dx }, { 0, 1, dy } });
        using var shifted = new Mat();
        Cv2.WarpAffine(_image, shifted, shift, _image.Size());

        var reading = _reader.ReadStill(shifted);

        Assert.NotNull(reading);
        var box = reading.Face.Box;
        Assert.True(box.X < 4 || box.Y < 4 || box.Right > shifted.Width - 4 || box.Bottom > shifted.Height - 4, $"box {box} is inside");
        Assert.All(reading.Landmarks, p => Assert.True(float.IsFinite(p.X) && float.IsFinite(p.Y)));
        Assert.True(double.IsFinite(reading.Ear) && double.IsFinite(reading.Pose.Yaw));
    }

    [Fact]
    public void A_plain_frame_has_no_face_and_reads_as_obstructed()
    {
        using var blank = new Mat(480, 640, MatType.CV_8UC3, new OpenCvSharp.Scalar(30, 32, 35));

        Assert.Null(_reader.ReadStill(blank));
        Assert.True(FrameUniformity.IsObstructed(blank, new DriverOptions().ObstructionMaxStdDev));
        Assert.False(FrameUniformity.IsObstructed(_image, new DriverOptions().ObstructionMaxStdDev));
    }

    private static double Distance(Rect2f box, Point2f p)
    {
        var dx = Math.Max(Math.Max(box.X - p.X, 0), p.X - box.Right);
        var dy = Math.Max(Math.Max(box.Y - p.Y, 0), p.Y - box.Bottom);
        return Math.Sqrt(dx * dx + dy * dy);
    }

    public void Dispose()
    {
        _reader.Dispose();
        _image.Dispose();
    }
}
