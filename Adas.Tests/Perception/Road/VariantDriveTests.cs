using Adas.Perception.Analysis;
using Adas.Perception.Events;
using Adas.Perception.Road;
using Adas.Perception.Video;
using Adas.Tests.Infrastructure;

namespace Adas.Tests.Perception.Road;

/// <summary>
/// Drives the pipeline has not seen: dev-set clips mirrored left to right (as if filmed where traffic keeps left: the
/// yellow centre line, the shoulder and the passing traffic change sides) or recorded at another resolution (and
/// encoded again). Nothing in the lane fit or the gates may depend on which side is which or on the pixel count.
/// </summary>
public sealed class VariantDriveTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("country_road_640x360", "hflip", 0.95)]          // 100 % (100 % as filmed)
    [InlineData("desert_curves_640x360", "hflip", 0.95)]         // 100 % (100 %); a whole-road phantom car is seen through
    [InlineData("freeway_tar_seam_1280x720", "scale=854:480", 0.93)] // 98 % (98 %); 85 % before the blue-yellow stripes
    [InlineData("bridge_shadows_1280x720", "scale=640:360", 0.95)]   // 100 % (100 %)
    [InlineData("expressway_640x360", "eq=brightness=-0.15:contrast=0.8", 0.7)] // dim: 76 % (94 %); 0 % under a fixed lightness floor
    public async Task A_mirrored_or_rescaled_drive_keeps_both_lines_and_raises_nothing_critical(string clip, string filter, double minRate)
    {
        var directory = TestPaths.NewTempDirectory("road-variant");
        try
        {
            var result = await AnalyseVariantAsync(directory, clip, filter);
            var rate = (double)result.Output.Summary["lane_detection_rate"]!;
            output.WriteLine($"both lines {rate:P0}, seen-through boxes {result.Output.Summary["seen_through_detections"]}, " +
                             $"events {string.Join(", ", result.Output.Events.Select(e => $"{e.Type}:{e.Severity}"))}");

            Assert.True(rate >= minRate, $"both lines in {rate:P0} of the frames");
            Assert.DoesNotContain(result.Output.Events, e => e.Type == EventTypes.LaneDeparture);
            Assert.DoesNotContain(result.Output.Events, e => e.Severity == EventSeverity.Critical);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>
    /// The night drive shown at 60 fps (each frame twice, as a frame-rate conversion does) keeps its speed: 35.6 m/s
    /// as filmed, 34.4 at 60 fps (0.0 while consecutive frames were compared: a repeat reads as a still road).
    /// </summary>
    [Fact]
    public async Task The_ego_speed_holds_when_the_video_repeats_its_frames_at_60_fps()
    {
        var directory = TestPaths.NewTempDirectory("road-variant");
        try
        {
            var result = await AnalyseVariantAsync(directory, "night_highway_640x360", "fps=60");
            var speed = (double?)result.Output.Summary["mean_ego_speed_mps"];
            output.WriteLine($"mean ego speed {speed} m/s");
            Assert.InRange(speed ?? 0, 30, 41);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<AnalysisResult> AnalyseVariantAsync(string directory, string clip, string filter)
    {
        var variant = await FfmpegCli.RunAsync(Path.Combine(directory, "variant.mp4"),
            "-i", DevSetRuns.Clip(clip), "-vf", filter, "-c:v", "libx264", "-crf", "20", "-preset", "veryfast", "-pix_fmt", "yuv420p");
        using var analyzer = new RoadAnalyzer(RoadAssets.Models, new RoadOptions());
        return await VideoAnalyzer.RunAsync(variant, Path.Combine(directory, "annotated.mp4"), analyzer,
            cancellationToken: TestContext.Current.CancellationToken);
    }
}
