using Adas.Perception.Road.Tracking;
using OpenCvSharp;
using Detection = Adas.Perception.Detection.Detection;

namespace Adas.Tests.Perception.Road;

/// <summary>TTC from an object's own pixels, matched at several scales (<see cref="AppearanceTtc"/>).</summary>
public sealed class AppearanceTtcTests : IDisposable
{
    private const double Fps = 30;
    private const double FocalPixels = 831;
    private readonly LeadCarClip _clips = new();
    private Mat Car => _clips.CarRear;

    /// <summary>Feeds frames of a picture whose box the detector reports <paramref name="boxBias"/> times its size.</summary>
    private static AppearanceEstimate Run(Mat picture, double startDistance, double closingSpeed, double seconds, double boxBias = 1)
    {
        using var appearance = new AppearanceTtc();
        Track? track = null;
        AppearanceEstimate estimate = default;
        for (var i = 0; i < seconds * Fps; i++)
        {
            var time = i / Fps;
            var width = FocalPixels * 1.8 / (startDistance - closingSpeed * time);
            var height = width * picture.Height / picture.Width;
            using var frame = new Mat(540, 960, MatType.CV_8UC3, new OpenCvSharp.Scalar(90, 90, 90));
            var place = new Rect((int)(480 - width / 2), (int)(330 - height), (int)width, (int)height);
            using (var scaled = picture.Resize(place.Size, 0, 0, InterpolationFlags.Area))
            using (var target = new Mat(frame, place))
                scaled.CopyTo(target);
            var reported = boxBias * width;
            var box = new Rect2f((float)(480 - reported / 2), (float)(330 - height / 2 - boxBias * height / 2), (float)reported,
                (float)(boxBias * height));
            var detection = new Detection(box, 2, "car", 0.9f);
            if (track is null) track = new Track(1, detection, time, frame.Width);
            else
            {
                track.Predict(time);
                track.Observe(detection, time, frame.Width);
            }
            appearance.BeginFrame(frame);
            estimate = appearance.Update(track, time);
        }
        return estimate;
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.85)] // boxes 15 % tight: the pixels still say how fast the car grows
    public void A_real_car_closing_at_a_known_speed_gives_the_known_ttc(double boxBias)
    {
        var estimate = Run(Car, startDistance: 30, closingSpeed: 10, seconds: 1.0, boxBias);

        var trueTtc = (30 - 10 * (Fps - 1) / Fps) / 10; // at the last frame
        Assert.NotNull(estimate.Estimator);
        Assert.Equal(trueTtc, estimate.Estimator!.Seconds!.Value, 0.25);
    }

    [Fact]
    public void A_car_holding_its_distance_has_no_ttc()
    {
        var estimate = Run(Car, startDistance: 15, closingSpeed: 0, seconds: 1.0);

        Assert.NotNull(estimate.Estimator);
        Assert.True(estimate.Estimator!.Seconds is null or > 10, $"TTC {estimate.Estimator.Seconds}");
    }

    [Fact]
    public void A_featureless_object_is_pending_at_first_then_left_to_its_box()
    {
        using var blank = new Mat(90, 136, MatType.CV_8UC3, new OpenCvSharp.Scalar(40, 40, 40));

        var early = Run(blank, startDistance: 30, closingSpeed: 10, seconds: 0.4);
        Assert.True(early.Pending);
        Assert.Null(early.Estimator);

        var later = Run(blank, startDistance: 30, closingSpeed: 10, seconds: 1.0);
        Assert.False(later.Pending);
        Assert.Null(later.Estimator);
    }

    public void Dispose() => _clips.Dispose();
}
