using Adas.Perception.Road.Tracking;

namespace Adas.Tests.Perception.Road;

public sealed class TimeToCollisionTests
{
    [Theory]
    [InlineData(40.0, 10.0, 25.0)]
    [InlineData(30.0, 5.0, 30.0)]
    [InlineData(20.0, 8.0, 25.0)]
    public void A_box_growing_as_a_constant_approach_gives_the_known_ttc(double startDistance, double closingSpeed, double fps)
    {
        var estimator = new TimeToCollisionEstimator();
        const double focalTimesWidth = 800 * 1.8;
        var t = 0.0;
        for (; t < 1.2; t += 1 / fps)
            estimator.Add(t, focalTimesWidth / (startDistance - closingSpeed * t));
        var last = t - 1 / fps;
        var expected = (startDistance - closingSpeed * last) / closingSpeed;

        Assert.NotNull(estimator.Seconds);
        Assert.Equal(expected, estimator.Seconds!.Value, expected * 0.08);
    }

    [Fact]
    public void Ttc_is_the_interval_over_scale_minus_one()
    {
        var estimator = new TimeToCollisionEstimator(window: 0.4, smoothing: 0);
        estimator.Add(0.0, 100);
        estimator.Add(0.4, 110);
        Assert.Equal(0.4 / 0.1, estimator.Seconds!.Value, 6);
    }

    [Fact]
    public void A_steady_or_receding_box_has_no_ttc()
    {
        var steady = new TimeToCollisionEstimator();
        var receding = new TimeToCollisionEstimator();
        for (var i = 0; i < 30; i++)
        {
            steady.Add(i * 0.04, 100 + (i % 2 == 0 ? 0.3 : -0.3));
            receding.Add(i * 0.04, 100 - i);
        }
        Assert.Null(steady.Seconds);
        Assert.Null(receding.Seconds);
    }
}
