using Adas.Perception.Detection;
using OpenCvSharp;

namespace Adas.Tests.Perception.Road;

public sealed class YoloxDetectorTests : IDisposable
{
    private readonly YoloxDetector _detector = new(RoadAssets.Models.ObjectDetector, RoadAssets.Models.ObjectDetectorClassNames);

    /// <summary>
    /// The near cars of each still, boxed by hand from the images (x, y, width, height in pixels; the far cars on the
    /// horizon, under 30 px, are not expected).
    /// </summary>
    public static TheoryData<string, int[][]> NearCars => new()
    {
        { "highway_cars_1.jpg", [[815, 408, 130, 85], [1050, 405, 225, 105]] },
        { "highway_cars_3.jpg", [[865, 418, 99, 52]] },
        { "highway_cars_4.jpg", [[814, 407, 129, 88], [1047, 403, 200, 99]] },
        { "highway_cars_5.jpg", [[815, 405, 123, 83], [1085, 401, 194, 111]] },
        { "highway_cars_6.jpg", [[813, 407, 134, 87], [1011, 406, 194, 103]] },
    };

    [Theory]
    [MemberData(nameof(NearCars))]
    public void Finds_each_near_car_where_it_is_and_no_vehicle_elsewhere(string image, int[][] cars)
    {
        using var frame = Cv2.ImRead(RoadAssets.Image(image));
        var vehicles = _detector.Detect(frame).Where(d => CocoClasses.IsVehicle(d.ClassId)).ToList();
        var expected = cars.Select(c => new Rect2f(c[0], c[1], c[2], c[3])).ToList();

        Assert.All(expected, car => Assert.Contains(vehicles, v => BoxGeometry.Iou(v.Box, car) >= 0.5));
        // A second, partial box inside a car is tolerated; a vehicle where there is none is not.
        Assert.All(vehicles, v => Assert.Contains(expected, car => Overlap(v.Box, car) >= 0.8));
    }
    [Theory]
    [MemberData(nameof(NearCars))]
    public void Run_at_the_frame_aspect_it_finds_the_same_near_cars_with_less_input(string image, int[][] cars)
    {
        using var fitted = new YoloxDetector(RoadAssets.Models.ObjectDetector, RoadAssets.Models.ObjectDetectorClassNames,
            new YoloxDetectorOptions { FitInputToFrame = true });
        using var frame = Cv2.ImRead(RoadAssets.Image(image));
        var vehicles = fitted.Detect(frame).Where(d => CocoClasses.IsVehicle(d.ClassId)).ToList();

        Assert.Equal(new Size(416, 256), fitted.InputSize); // 1280x720 at 416 wide is 234 rows, rounded up to the stride
        var square = _detector.Detect(frame).Where(d => CocoClasses.IsVehicle(d.ClassId)).ToList();
        Assert.All(cars.Select(c => new Rect2f(c[0], c[1], c[2], c[3])), car =>
        {
            var found = Assert.Single(vehicles, v => BoxGeometry.Iou(v.Box, car) >= 0.5);
            Assert.Contains(square, s => BoxGeometry.Iou(s.Box, found.Box) >= 0.9);
        });
        Assert.Equal(square.Count, vehicles.Count);
    }

    [Fact]
    public void Finds_no_vehicle_on_the_empty_highway_still()
    {
        using var frame = Cv2.ImRead(RoadAssets.Image("highway_cars_2.jpg"));
        Assert.DoesNotContain(_detector.Detect(frame), d => CocoClasses.IsVehicle(d.ClassId));
    }

    [Fact]
    public void Class_filter_keeps_only_the_chosen_classes()
    {
        using var frame = Cv2.ImRead(RoadAssets.Image("highway_cars_1.jpg"));
        using var trucksOnly = new YoloxDetector(RoadAssets.Models.ObjectDetector, RoadAssets.Models.ObjectDetectorClassNames,
            new YoloxDetectorOptions { Classes = new HashSet<int> { CocoClasses.Truck } });
        using var carsOnly = new YoloxDetector(RoadAssets.Models.ObjectDetector, RoadAssets.Models.ObjectDetectorClassNames,
            new YoloxDetectorOptions { Classes = new HashSet<int> { CocoClasses.Car } });

        Assert.Equal(2, carsOnly.Detect(frame).Count(d => d.ClassId == CocoClasses.Car));
        Assert.All(carsOnly.Detect(frame), d => Assert.Equal(CocoClasses.Car, d.ClassId));
        Assert.Empty(trucksOnly.Detect(frame));
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

    /// <summary>Share of a's area that lies inside b.</summary>
    private static double Overlap(Rect2f a, Rect2f b) => BoxGeometry.IntersectionArea(a, b) / (a.Width * a.Height);
}
