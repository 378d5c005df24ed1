using Adas.Perception.Road.Signs;
using Adas.Perception.Road.Tracking;
using OpenCvSharp;

namespace Adas.Tests.Perception.Road;

using Scalar = OpenCvSharp.Scalar;

public sealed class SignRecognitionTests : IDisposable
{
    private readonly GtsrbClassifier _classifier = new(RoadAssets.Models.SignClassifier);

    /// <summary>A 960x540 road scene with a red-ringed speed-limit sign of the given radius at (700, 150).</summary>
    private static Mat SceneWithSpeedLimit(string value, int radius, int x = 700, int y = 150)
    {
        var frame = new Mat(540, 960, MatType.CV_8UC3, new Scalar(200, 170, 140));
        Cv2.Rectangle(frame, new Rect(0, 300, 960, 240), new Scalar(85, 85, 85), -1);
        Cv2.Rectangle(frame, new Rect(x - 3, y + radius, 6, 150), new Scalar(120, 120, 120), -1);
        Cv2.Circle(frame, new Point(x, y), radius, new Scalar(255, 255, 255), -1, LineTypes.AntiAlias);
        Cv2.Circle(frame, new Point(x, y), radius - radius / 8, new Scalar(30, 30, 210), Math.Max(2, radius / 4), LineTypes.AntiAlias);
        var scale = radius / 26.0;
        var size = Cv2.GetTextSize(value, HersheyFonts.HersheySimplex, scale, Math.Max(1, radius / 8), out _);
        Cv2.PutText(frame, value, new Point(x - size.Width / 2, y + size.Height / 2), HersheyFonts.HersheySimplex, scale,
            Scalar.Black, Math.Max(1, radius / 8), LineTypes.AntiAlias);
        return frame;
    }

    /// <summary>A 960x540 road scene with a blue "ahead only" disc (white rim, white arrow) of the given radius.</summary>
    private static Mat SceneWithAheadOnly(int radius, int x, int y)
    {
        var frame = new Mat(540, 960, MatType.CV_8UC3, new Scalar(200, 170, 140));
        Cv2.Rectangle(frame, new Rect(0, 300, 960, 240), new Scalar(85, 85, 85), -1);
        Cv2.Rectangle(frame, new Rect(x - 3, y + radius, 6, 150), new Scalar(120, 120, 120), -1);
        Cv2.Circle(frame, new Point(x, y), radius, new Scalar(170, 80, 20), -1, LineTypes.AntiAlias);
        Cv2.Circle(frame, new Point(x, y), radius, Scalar.White, Math.Max(1, radius / 12), LineTypes.AntiAlias);
        Cv2.ArrowedLine(frame, new Point(x, y + radius * 6 / 10), new Point(x, y - radius * 6 / 10), Scalar.White,
            Math.Max(2, radius / 6), LineTypes.AntiAlias, 0, 0.45);
        return frame;
    }

    [Fact]
    public void A_blue_mandatory_sign_is_proposed_classified_and_reported_once()
    {
        using var recognizer = new SignRecognizer(_classifier, new SignOptions());
        for (var i = 0; i < 6; i++)
        {
            using var frame = SceneWithAheadOnly(20 + 2 * i, 300 - 4 * i, 160 - 2 * i);
            recognizer.Process(frame, i * 0.04, [], null);
        }
        recognizer.Tracker.Complete();

        var sign = Assert.Single(recognizer.Tracker.Signs);
        Assert.Equal("ahead only", sign.Label);
        Assert.Null(sign.SpeedLimitKmh);
    }

    [Fact]
    public void Blue_proposals_can_be_turned_off()
    {
        using var recognizer = new SignRecognizer(_classifier, new SignOptions { BlueProposals = false });
        for (var i = 0; i < 6; i++)
        {
            using var frame = SceneWithAheadOnly(24, 300, 160);
            recognizer.Process(frame, i * 0.04, [], null);
        }
        recognizer.Tracker.Complete();
        Assert.Empty(recognizer.Tracker.Signs);
    }

    /// <summary>A vertical traffic light (dark housing, three lamps) at (480, 120) with the given lamp lit.</summary>
    private static Mat SceneWithTrafficLight(string? lit)
    {
        var frame = new Mat(540, 960, MatType.CV_8UC3, new Scalar(200, 170, 140));
        Cv2.Rectangle(frame, new Rect(0, 300, 960, 240), new Scalar(85, 85, 85), -1);
        Cv2.Rectangle(frame, new Rect(465, 80, 30, 84), new Scalar(30, 30, 30), -1);
        (string Colour, Scalar On, int Y)[] lamps =
            [(TrafficLightColour.Red, new Scalar(40, 40, 255), 94), (TrafficLightColour.Yellow, new Scalar(40, 210, 255), 122),
             (TrafficLightColour.Green, new Scalar(150, 255, 60), 150)];
        foreach (var (colour, on, y) in lamps)
            Cv2.Circle(frame, new Point(480, y), 10, colour == lit ? on : new Scalar(50, 55, 55), -1, LineTypes.AntiAlias);
        return frame;
    }

    [Theory]
    [InlineData(TrafficLightColour.Red)]
    [InlineData(TrafficLightColour.Yellow)]
    [InlineData(TrafficLightColour.Green)]
    [InlineData(null)]
    public void The_lit_lamp_of_a_traffic_light_gives_its_colour(string? lit)
    {
        using var colour = new TrafficLightColour();
        using var frame = SceneWithTrafficLight(lit);
        Assert.Equal(lit, colour.Classify(frame, new Rect2f(462, 77, 36, 90)));
    }

    [Fact]
    public void A_traffic_light_turning_from_red_to_green_is_one_light_with_both_colours()
    {
        using var recognizer = new SignRecognizer(_classifier, new SignOptions());
        var tracker = new ByteTracker();
        var light = new Adas.Perception.Detection.Detection(new Rect2f(462, 77, 36, 90), 9, "traffic light", 0.8f);
        for (var i = 0; i < 12; i++)
        {
            var time = i * 0.04;
            using var frame = SceneWithTrafficLight(i < 6 ? TrafficLightColour.Red : i == 6 ? null : TrafficLightColour.Green);
            recognizer.Process(frame, time, tracker.Update([light], time, frame.Width), null);
        }
        recognizer.Tracker.Complete();

        var sign = Assert.Single(recognizer.Tracker.Signs);
        Assert.Equal(SignObservation.TrafficLightKind, sign.Kind);
        Assert.Equal("traffic light (red → green)", sign.Label);
        var e = Assert.Single(recognizer.Tracker.Events);
        Assert.Equal(new[] { "red", "green" }, (string[])e.Details!["lightColours"]!);
    }

    [Fact]
    public void Classifier_reads_a_speed_limit_crop_fed_as_rgb()
    {
        const string value = "30";
        using var frame = SceneWithSpeedLimit(value, 40);
        var (classId, probability) = _classifier.Classify(frame, [new Rect(655, 105, 90, 90)]).Single();
        Assert.Equal(int.Parse(value, System.Globalization.CultureInfo.InvariantCulture), GtsrbClasses.SpeedLimitKmh(classId));
        Assert.True(probability > 0.5, $"p={probability}");
    }

    [Fact]
    public void A_sign_seen_on_three_frames_is_reported_once_with_its_speed_limit()
    {
        using var recognizer = new SignRecognizer(_classifier, new SignOptions());
        for (var i = 0; i < 6; i++)
        {
            using var frame = SceneWithSpeedLimit("30", 24 + 2 * i, 700 + 4 * i, 150 - 2 * i);
            recognizer.Process(frame, i * 0.04, [], null);
        }
        using (var empty = SceneWithSpeedLimit("30", 1, 10, 10)) recognizer.Process(empty, 2.0, [], null);
        recognizer.Tracker.Complete();

        var sign = Assert.Single(recognizer.Tracker.Signs);
        Assert.Equal(SignObservation.SignKind, sign.Kind);
        Assert.Equal(30, sign.SpeedLimitKmh);
        Assert.InRange(sign.FrameCount, 3, 6);
        var e = Assert.Single(recognizer.Tracker.Events);
        Assert.Equal("traffic_sign", e.Type);
        Assert.Equal(30, e.Details!["speedLimitKmh"]);
    }

    [Fact]
    public void A_sign_seen_on_two_frames_only_is_not_confirmed()
    {
        using var recognizer = new SignRecognizer(_classifier, new SignOptions());
        for (var i = 0; i < 2; i++)
        {
            using var frame = SceneWithSpeedLimit("30", 30, 700, 150);
            recognizer.Process(frame, i * 0.04, [], null);
        }
        recognizer.Tracker.Complete();
        Assert.Empty(recognizer.Tracker.Signs);
        Assert.Empty(recognizer.Tracker.Events);
    }

    [Fact]
    public void Red_tail_lights_inside_a_vehicle_box_are_not_proposed_as_signs()
    {
        using var recognizer = new SignRecognizer(_classifier, new SignOptions());
        var car = new Track(1, new Adas.Perception.Detection.Detection(new Rect2f(640, 90, 120, 120), 2, "car", 0.9f), 0);
        for (var i = 0; i < 6; i++)
        {
            using var frame = SceneWithSpeedLimit("30", 30, 700, 150);
            recognizer.Process(frame, i * 0.04, [car], null);
        }
        recognizer.Tracker.Complete();
        Assert.Empty(recognizer.Tracker.Signs);
    }

    public void Dispose() => _classifier.Dispose();
}
