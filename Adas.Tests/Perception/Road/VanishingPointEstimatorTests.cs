using Adas.Perception.Road.Camera;
using Adas.Perception.Video;

namespace Adas.Tests.Perception.Road;

/// <summary>The road's vanishing point from the picture alone (no lane line found first), on real footage.</summary>
public sealed class VanishingPointEstimatorTests
{
    /// <summary>
    /// The tar-seam camera sits low and slightly yawed and tilted: the yellow line (from (320, 690) to (640, 470)) and
    /// the tar seam (from (800, 510) to (960, 610)), read off frame 15 of the 1280x720 clip, meet at about (686, 438),
    /// that is column 0.536 and row 0.609 (the default camera assumes 0.5 and 0.55).
    /// </summary>
    [Fact]
    public void Finds_the_yawed_vanishing_point_of_the_tar_seam_clip_within_its_first_second()
    {
        var estimate = Estimate("freeway_tar_seam_1280x720", seconds: 1.0);
        Assert.NotNull(estimate);
        Assert.InRange(estimate.Value.Column, 0.536 - 0.02, 0.536 + 0.02);
        Assert.InRange(estimate.Value.Row, 0.609 - 0.02, 0.609 + 0.02);
    }

    /// <summary>The night clip: only the headlit lines and tail lights, yet the lines run to about (0.46, 0.56).</summary>
    [Fact]
    public void Finds_the_vanishing_point_at_night_from_the_headlit_lines()
    {
        var estimate = Estimate("night_highway_640x360", seconds: 3.0);
        Assert.NotNull(estimate);
        Assert.InRange(estimate.Value.Column, 0.44, 0.49);
        Assert.InRange(estimate.Value.Row, 0.53, 0.59);
    }

    private static (double Column, double Row)? Estimate(string clip, double seconds)
    {
        using var source = new VideoFrameSource(DevSetRuns.Clip(clip));
        using var estimator = new VanishingPointEstimator();
        foreach (var frame in source.ReadFrames(TestContext.Current.CancellationToken))
        {
            if (frame.TimestampSeconds > seconds) break;
            estimator.Update(frame.Image, frame.TimestampSeconds);
        }
        return estimator.Estimate;
    }
}
