using Adas.Perception.Detection;
using Adas.Perception.Driver;
using Adas.Perception.Driver.Vision;
using OpenCvSharp;

namespace Adas.Tests.Perception.Driver;

public sealed class PhoneProximityTests
{
    private static readonly Size Frame = new(640, 480);
    private static readonly Rect2f FaceBox = new(260, 60, 120, 150);
    private readonly PhoneProximity _proximity = new(new DriverOptions());

    [Theory]
    [InlineData(390, 80, true)]    // held at the ear
    [InlineData(280, 330, true)]   // in the hands, lower frame
    [InlineData(20, 20, false)]    // far corner, upper frame
    [InlineData(560, 60, false)]   // upper frame beyond the face margin
    public void A_phone_counts_near_the_face_or_the_hands(float x, float y, bool expected) =>
        Assert.Equal(expected, _proximity.IsNearDriver(FakeObjectDetector.Phone(x, y), FaceBox, Frame));

    [Fact]
    public void Other_classes_and_weak_detections_are_not_phones()
    {
        var cup = new Detection(new Rect2f(390, 80, 50, 90), 41, "cup", 0.9f);
        var weak = FakeObjectDetector.Phone(390, 80, score: 0.2f);

        Assert.False(_proximity.IsNearDriver(cup, FaceBox, Frame));
        Assert.False(_proximity.IsNearDriver(weak, FaceBox, Frame));
    }

    [Fact]
    public void Without_a_face_only_the_lower_frame_counts()
    {
        Assert.False(_proximity.IsNearDriver(FakeObjectDetector.Phone(390, 80), null, Frame));
        Assert.True(_proximity.IsNearDriver(FakeObjectDetector.Phone(390, 300), null, Frame));
    }
}
