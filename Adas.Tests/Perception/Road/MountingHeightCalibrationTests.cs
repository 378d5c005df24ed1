using Adas.Perception.Road.Camera;
using Adas.Perception.Road.Lanes;

namespace Adas.Tests.Perception.Road;

public sealed class MountingHeightCalibrationTests
{
    [Theory]
    [InlineData(3.5, 1.3)] // a usual lane: the configured height stands
    [InlineData(2.0, 1.755)] // 2.0 m read at 1.3 m: the camera sits higher; 2.7 m (the narrowest lane) at 1.755 m
    [InlineData(4.6, 1.130)] // 4.6 m read: lower; 4.0 m at 1.13 m
    public void Lane_widths_outside_what_roads_have_move_the_height_to_the_least_correction(double measuredWidth, double expectedHeight)
    {
        var calibration = new MountingHeightCalibration(1.3);
        for (var i = 0; i < 120; i++) calibration.Add(measuredWidth, 1.3, 1 / 30.0);
        Assert.Equal(expectedHeight, calibration.HeightMeters, 3);

        // Widths measured with the new height say the same: the height stays.
        var perHeight = measuredWidth / 1.3;
        for (var i = 0; i < 120; i++) calibration.Add(perHeight * calibration.HeightMeters, calibration.HeightMeters, 1 / 30.0);
        Assert.Equal(expectedHeight, calibration.HeightMeters, 3);
    }

    [Fact]
    public void Nothing_moves_before_three_seconds_of_lanes()
    {
        var calibration = new MountingHeightCalibration(1.3);
        for (var i = 0; i < 80; i++) calibration.Add(2.0, 1.3, 1 / 30.0);
        Assert.Equal(1.3, calibration.HeightMeters);
    }

    /// <summary>
    /// A 3.7 m lane filmed from 2.2 m (a van's or a bus's cab) by a pipeline configured for 1.3 m reads 2.19 m wide;
    /// the horizon estimator's camera rises until the lane is plausible (2.7 m at 1.61 m) and the lanes' view follows.
    /// </summary>
    [Fact]
    public void A_high_camera_is_found_from_the_lanes_and_the_bird_view_is_rebuilt_for_it()
    {
        var truth = new CameraModel(MountingHeightMeters: 2.2);
        var configured = new CameraModel();
        using var lanes = new LaneDetector(configured);
        var horizon = new HorizonEstimator(configured);
        LaneState state = LaneState.None;
        for (var i = 0; i < 150; i++)
        {
            var time = i / 30.0;
            using var frame = SyntheticRoad.Render(truth, 960, 540, _ => -1.85, _ => 1.85, dashedLeft: true, travelledMeters: 25 * time);
            state = lanes.Detect(frame, time);
            horizon.Update(state, lanes.Projection, time);
            lanes.Recalibrate(horizon.Camera);
        }
        Assert.Equal(1.61, horizon.Camera.MountingHeightMeters, 0.08);
        Assert.Equal(horizon.Camera.MountingHeightMeters, lanes.Projection!.CameraHeightMeters, 0.04); // rebuilt within 2 %
        Assert.True(state.BothConfident);
        Assert.InRange(state.LaneWidthMeters!.Value, 2.5, 2.9);
    }
}
