using Adas.Perception.Detection;
using Adas.Perception.Road.Camera;
using OpenCvSharp;

namespace Adas.Tests.Perception.Road;

public sealed class CameraModelTests
{
    private static readonly CameraModel Camera = new(60, 1.3, 0.5);

    [Fact]
    public void Focal_length_follows_the_horizontal_field_of_view() =>
        Assert.Equal(960 / 2 / Math.Tan(Math.PI / 6), Camera.FocalPixels(960), 6);

    [Theory]
    [InlineData(10.0)]
    [InlineData(25.0)]
    [InlineData(60.0)]
    public void A_car_of_prior_width_standing_on_the_road_is_placed_at_its_distance(double distance)
    {
        var f = Camera.FocalPixels(960);
        var width = (float)(f * 1.8 / distance);
        var bottom = (float)Camera.GroundRow(distance, 960, 540);
        var box = new Rect2f(480 - width / 2, bottom - width * 0.8f, width, width * 0.8f);

        Assert.Equal(distance, Camera.ObjectDistance(box, CocoClasses.Car, 960, 540)!.Value, distance * 0.01);
        Assert.Equal(distance, Camera.GroundDistance(bottom, 960, 540)!.Value, distance * 0.01);
    }

    [Fact]
    public void People_are_ranged_by_height_and_nothing_above_the_horizon_by_ground()
    {
        var f = Camera.FocalPixels(960);
        var height = (float)(f * 1.7 / 8);
        var box = new Rect2f(400, (float)Camera.GroundRow(8, 960, 540) - height, height / 3, height);
        Assert.Equal(8, Camera.ObjectDistance(box, CocoClasses.Person, 960, 540)!.Value, 0.1);
        Assert.Null(Camera.GroundDistance(200, 960, 540));
    }

    [Fact]
    public void Lateral_offset_scales_with_distance() =>
        Assert.Equal(1.8, Camera.LateralMeters(480 + Camera.FocalPixels(960) * 1.8 / 20, 20, 960), 6);

    [Fact]
    public void A_yawed_camera_measures_lateral_offsets_from_the_road_direction_not_the_frame_centre()
    {
        var yawed = Camera with { VanishingColumnFraction = 0.55 };
        Assert.Equal(0, yawed.LateralMeters(0.55 * 960, 20, 960), 6);
        Assert.Equal(-Camera.LateralMeters(480 + 0.05 * 960, 20, 960), yawed.LateralMeters(480, 20, 960), 6);
    }
}
