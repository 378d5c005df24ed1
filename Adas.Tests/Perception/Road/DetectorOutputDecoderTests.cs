using Adas.Perception.Detection;

namespace Adas.Tests.Perception.Road;

public sealed class DetectorOutputDecoderTests
{
    private static readonly string[] Names = [.. Enumerable.Range(0, 80).Select(i => $"c{i}")];

    private static DecodeParameters Parameters(float scale = 0.5f, IReadOnlySet<int>? classes = null) =>
        new(64, 64, scale, 0.3f, 0.45f, classes ?? CocoClasses.Road, Names);

    [Fact]
    public void Decodes_a_hand_built_yolox_tensor_with_grid_offsets_strides_and_nms()
    {
        const int columns = 85;
        var rows = 8 * 8 + 4 * 4 + 2 * 2;
        var output = new float[rows * columns];
        // stride 8 grid cell (gx=3, gy=2): a car centred at (3.5*8, 2.5*8) = (28, 20), 16x8 in network pixels.
        SetYoloxRow(output, 2 * 8 + 3, 0.5f, 0.5f, MathF.Log(2), MathF.Log(1), 0.9f, CocoClasses.Car, 0.8f);
        // the same car seen by the neighbouring cell with a lower score: suppressed by NMS.
        SetYoloxRow(output, 2 * 8 + 4, -0.4f, 0.5f, MathF.Log(2), MathF.Log(1), 0.8f, CocoClasses.Truck, 0.7f);
        // stride 16 cell (gx=1, gy=1) of the second grid: a person at (24, 24), 16x32.
        SetYoloxRow(output, 64 + 1 * 4 + 1, 0.5f, 0.5f, 0, MathF.Log(2), 0.9f, CocoClasses.Person, 0.9f);
        // below threshold, and a non-road class (toothbrush) above it: both dropped.
        SetYoloxRow(output, 64 + 16 + 3, 0.5f, 0.5f, 0, 0, 0.2f, CocoClasses.Car, 0.9f);
        SetYoloxRow(output, 10, 0.5f, 0.5f, 0, 0, 0.95f, 79, 0.95f);

        var detections = DetectorOutputDecoder.Decode(DetectorOutputLayout.Yolox, output, rows, columns, Parameters());

        Assert.Equal(2, detections.Count);
        var car = Assert.Single(detections, d => d.ClassId == CocoClasses.Car);
        Assert.Equal(0.72f, car.Score, 3);
        AssertBox(car.Box, 40, 32, 32, 16); // (28-8, 20-4, 16, 8) / 0.5
        var person = Assert.Single(detections, d => d.ClassId == CocoClasses.Person);
        AssertBox(person.Box, 32, 16, 32, 64); // (24-8, 24-16, 16, 32) / 0.5
    }

    [Fact]
    public void Decodes_a_hand_built_ultralytics_tensor()
    {
        const int anchors = 6;
        const int channels = 84;
        var output = new float[channels * anchors];
        SetUltralyticsAnchor(output, anchors, 0, 100, 50, 40, 20, CocoClasses.Bus, 0.85f);
        SetUltralyticsAnchor(output, anchors, 1, 102, 51, 40, 20, CocoClasses.Car, 0.6f);
        SetUltralyticsAnchor(output, anchors, 2, 20, 30, 10, 30, CocoClasses.Bicycle, 0.5f);
        SetUltralyticsAnchor(output, anchors, 3, 20, 30, 10, 30, CocoClasses.Car, 0.1f);

        var detections = DetectorOutputDecoder.Decode(DetectorOutputLayout.Ultralytics, output, channels, anchors, Parameters(2f));

        Assert.Equal(2, detections.Count);
        var bus = Assert.Single(detections, d => d.ClassId == CocoClasses.Bus);
        Assert.Equal(0.85f, bus.Score, 3);
        AssertBox(bus.Box, 40, 20, 20, 10);
        AssertBox(Assert.Single(detections, d => d.ClassId == CocoClasses.Bicycle).Box, 7.5f, 7.5f, 5, 15);
    }

    [Theory]
    [InlineData(new long[] { 1, 3549, 85 }, DetectorOutputLayout.Yolox)]
    [InlineData(new long[] { 1, 84, 8400 }, DetectorOutputLayout.Ultralytics)]
    public void Recognises_the_layout_from_the_output_shape(long[] shape, DetectorOutputLayout expected) =>
        Assert.Equal(expected, DetectorOutputShape.Recognise(shape, 80).Layout);

    [Theory]
    [InlineData(new long[] { 1, 3549, 6 })]
    [InlineData(new long[] { 1, 25200, 85, 1 })]
    [InlineData(new long[] { 1, 100, 7 })]
    public void Rejects_other_shapes_with_a_clear_error(long[] shape)
    {
        var error = Assert.Throws<NotSupportedException>(() => DetectorOutputShape.Recognise(shape, 80));
        Assert.Contains("YOLOX", error.Message);
        Assert.Contains("Ultralytics", error.Message);
    }

    private static void SetYoloxRow(float[] output, int row, float tx, float ty, float tw, float th, float obj, int cls, float clsScore)
    {
        var o = row * 85;
        (output[o], output[o + 1], output[o + 2], output[o + 3], output[o + 4]) = (tx, ty, tw, th, obj);
        output[o + 5 + cls] = clsScore;
    }

    private static void SetUltralyticsAnchor(float[] output, int anchors, int a, float cx, float cy, float w, float h, int cls, float score)
    {
        (output[a], output[anchors + a], output[2 * anchors + a], output[3 * anchors + a]) = (cx, cy, w, h);
        output[(4 + cls) * anchors + a] = score;
    }

    private static void AssertBox(OpenCvSharp.Rect2f box, float x, float y, float w, float h)
    {
        Assert.Equal(x, box.X, 2);
        Assert.Equal(y, box.Y, 2);
        Assert.Equal(w, box.Width, 2);
        Assert.Equal(h, box.Height, 2);
    }
}
