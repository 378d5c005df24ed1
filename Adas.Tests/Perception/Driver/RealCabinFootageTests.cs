using Adas.Data.Entities;
using Adas.Perception.Analysis;
using Adas.Perception.Events;
using Adas.Tests.Infrastructure;
using Adas.Worker.Analysis;

namespace Adas.Tests.Perception.Driver;

/// <summary>
/// The whole driver pipeline (the 478-point model, eye-region models, the real YOLOX phone detector) on the
/// development set's real in-cabin footage (see the asset manifest for what happens in each clip).
/// </summary>
public sealed partial class RealCabinFootageTests : IDisposable
{
    private readonly string _dir = TestPaths.NewTempDirectory("driver-real");

    private string SignalsOf(string clip) => Path.Combine(_dir, $"{clip}.signals.parquet");

    private async Task<AnalysisResult> AnalyseAsync(string clip)
    {
        using var analyzer = new AnalyzerFactory(DriverImages.Models).Create(VideoType.InCabin, signalsPath: SignalsOf(clip));
        return await VideoAnalyzer.RunAsync(TestPaths.Asset($"media/dev/cabin/{clip}"), Path.Combine(_dir, $"{clip}.mp4"), analyzer,
            cancellationToken: TestContext.Current.CancellationToken);
    }

    private static string Describe(AnalysisResult result) =>
        string.Join("; ", result.Output.Events.Select(e => $"{e.Type} {e.Severity} {e.StartSeconds:0.0}-{e.EndSeconds:0.0} {e.PeakMetric}={e.PeakValue}"));

    private static readonly (double From, double To)[] CloseUps = [(0.4, 1.6), (6.8, 7.9), (10.3, 11.4)];

    [Fact]
    public async Task The_tired_driver_advert_gives_drowsiness_from_its_eyes_closed_shots()
    {
        // Three close-ups (about 0.4-1.6 s, 6.8-7.9 s, 10.3-11.4 s) in which the driver's eyes fall shut for 0.5-0.8 s,
        // cut between night road shots; each cut restarts the face tracking and the calibration.
        var result = await AnalyseAsync("tired_driver_advert_640x360.mp4");

        var drowsy = result.Output.Events.Where(e => e.Type is EventTypes.Drowsiness or EventTypes.Microsleep).ToList();
        Assert.True(drowsy.Count > 0, Describe(result));
        Assert.All(drowsy, e => Assert.True(CloseUps.Any(c => e.StartSeconds >= c.From && e.StartSeconds <= c.To),
            $"{e.Type} from {e.StartSeconds:0.0} s is outside the close-ups; {Describe(result)}"));
        Assert.Equal("face_landmarker_478", result.Output.Summary["landmark_model"]);
        Assert.True((int)result.Output.Summary["scene_cuts"]! >= 4, $"scene cuts {result.Output.Summary["scene_cuts"]}");
        Assert.True((double)result.Output.Summary["longest_blink_seconds"]! >= 0.5);
    }

    [Theory]
    [InlineData("frontal_awake_480x270.gif")]
    [InlineData("head_turns_480x270.gif")]
    public async Task An_awake_driver_facing_the_camera_or_turning_their_head_is_not_drowsy(string clip)
    {
        var result = await AnalyseAsync(clip);

        Assert.True((double)result.Output.Summary["face_present_fraction"]! > 0.8);
        Assert.DoesNotContain(result.Output.Events, e => e.Type is EventTypes.Drowsiness or EventTypes.Microsleep or EventTypes.Yawning);
        Assert.DoesNotContain(result.Output.DriverStates, s => s.State is "eyes_closed" or "drowsy");
    }

    [Fact]
    public async Task The_phone_at_the_ear_in_the_side_view_is_phone_use_and_safe_driving_is_not()
    {
        // Three 5 s segments: safe driving, the phone held to the ear, drinking from a can.
        var result = await AnalyseAsync("phone_side_view_640x480.avi");

        var phone = Assert.Single(result.Output.Events, e => e.Type == EventTypes.PhoneUse);
        Assert.InRange(phone.StartSeconds, 5.0, 7.5);
        Assert.InRange(phone.EndSeconds, 8.0, 10.5);
        Assert.DoesNotContain(result.Output.DriverStates, s => s.State == "phone" && (s.Second < 5 || s.Second >= 11));
        Assert.DoesNotContain(result.Output.Events, e => e.Type is EventTypes.Yawning or EventTypes.Microsleep);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
