using Adas.Perception.Driver.Vision;
using OpenCvSharp;

namespace Adas.Tests.Perception.Driver;

public sealed class DriverFaceSelectorTests
{
    private static readonly Size Frame = new(640, 480);

    private static FaceCandidate Face(float x, float y, float side, float score = 0.9f) =>
        new(new Rect2f(x, y, side, side), score, new Point2f[5]);

    [Fact]
    public void Without_history_the_largest_most_central_face_is_the_driver()
    {
        var passenger = Face(500, 40, 90);
        var driver = Face(250, 150, 150);
        var small = Face(300, 200, 40);

        var chosen = new DriverFaceSelector().Select([passenger, small, driver], Frame, null);

        Assert.Same(driver, chosen);
    }

    [Fact]
    public void The_followed_face_stays_the_driver_even_when_another_is_larger()
    {
        var driver = Face(60, 150, 120);
        var leaningPassenger = Face(260, 130, 200);

        var chosen = new DriverFaceSelector(smoothing: 1).Select([leaningPassenger, Face(64, 152, 120)], Frame, driver);

        Assert.NotNull(chosen);
        Assert.InRange(chosen!.Box.X, 60, 70);
    }

    [Fact]
    public void A_followed_face_that_barely_moves_is_smoothed()
    {
        var before = Face(100, 100, 150);
        var now = Face(110, 100, 150);

        var chosen = new DriverFaceSelector(smoothing: 0.5).Select([now], Frame, before)!;

        Assert.Equal(105, chosen.Box.X, 3);
    }

    [Fact]
    public void A_weak_face_is_followed_but_not_newly_taken_as_the_driver()
    {
        var selector = new DriverFaceSelector(smoothing: 1, acquireScore: 0.8f);
        var weak = Face(250, 150, 150, score: 0.6f);

        Assert.Null(selector.Select([weak], Frame, null));
        Assert.Equal(weak.Box, selector.Select([weak], Frame, Face(252, 150, 150))?.Box);
    }

    [Fact]
    public void No_faces_means_no_driver() =>
        Assert.Null(new DriverFaceSelector().Select([], Frame, Face(1, 1, 100)));
}
