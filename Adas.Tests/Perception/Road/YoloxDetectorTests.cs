using Adas.Perception.Detection;
using OpenCvSharp;

namespace Adas.Tests.Perception.Road;

public sealed class YoloxDetectorTests : IDisposable
{
    private readonly YoloxDetector _detector = new(RoadAssets.Models.ObjectDetector, RoadAssets.Models.ObjectDetectorClassNames);

    [Theory]
    [InlineData("highway_cars_1.jpg")]
    [InlineData("highway_cars_3.jpg")]
    [InlineData("highway_cars_4.jpg")]
    [InlineData("highway_cars_5.jpg")]
    [InlineData("highway_cars_6.jpg")]
    public void Finds_vehicles_on_highway_stills(string image)
    {
        using var frame = Cv2.ImRead(RoadAssets.Image(image));
        var vehicles = _detector.Detect(frame).Where(d => CocoClasses.IsVehicle(d.ClassId)).ToList();
        Assert.NotEmpty(vehicles);
        Assert.All(vehicles, v => Assert.InRange(v.Box.X + v.Box.Width / 2, 0, frame.Width));
        Assert.All(vehicles, v => Assert.InRange(v.Box.Y + v.Box.Height / 2, frame.Height * 0.3, frame.Height));
    }

    [Fact]
    public void Finds_no_vehicle_on_the_empty_highway_still()
    {
        using var frame = Cv2.ImRead(RoadAssets.Image("highway_cars_2.jpg"));
        Assert.DoesNotContain(_detector.Detect(frame), d => CocoClasses.IsVehicle(d.ClassId));
    }

    [Fact]
    public void Class_filter_is_an_option()
    {
        using var frame = Cv2.ImRead(RoadAssets.Image("highway_cars_1.jpg"));
        using var phonesOnly = new YoloxDetector(RoadAssets.Models.ObjectDetector, RoadAssets.Models.ObjectDetectorClassNames,
            new YoloxDetectorOptions { Classes = new HashSet<int> { CocoClasses.CellPhone } });
        Assert.NotEmpty(_detector.Detect(frame));
        Assert.All(phonesOnly.Detect(frame), d => Assert.Equal(CocoClasses.CellPhone, d.ClassId));
    }

    [Fact]
    public void Ego_mask_drops_detections_in_the_bonnet_band()
    {
        var mask = new EgoVehicleMask(0.2);
        Assert.True(mask.Contains(new Rect2f(100, 450, 200, 80), 540));
        Assert.False(mask.Contains(new Rect2f(100, 300, 200, 150), 540));
    }

    [Fact]
    public void A_vehicle_wholly_in_the_lowest_part_of_the_frame_is_the_ego_bonnet_but_a_close_car_or_child_is_not()
    {
        var mask = new EgoVehicleMask();
        Detection Box(int classId, float top, float bottom) => new(new Rect2f(100, top, 700, bottom - top), classId, "x", 0.8f);

        var kept = mask.Filter([Box(CocoClasses.Car, 420, 540), Box(CocoClasses.Car, 250, 540), Box(CocoClasses.Person, 420, 540),
            Box(CocoClasses.Car, 400, 500)], 540);

        Assert.Equal([(250f, CocoClasses.Car), (420f, CocoClasses.Person), (400f, CocoClasses.Car)],
            kept.Select(d => (d.Box.Top, d.ClassId)));
    }

    public void Dispose() => _detector.Dispose();
}
