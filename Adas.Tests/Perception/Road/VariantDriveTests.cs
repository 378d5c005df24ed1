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
    [InlineData("freeway_tar_seam_1280x720", "scale=854:480", 0.93)] // 98 % (98 %); 85 % before the b* yellow stripes
    [InlineData("bridge_shadows_1280x720", "scale=640:360", 0.95)]   // 100 % (100 %)
    public async Task A_mirrored_or_rescaled_drive_keeps_both_lines_and_raises_nothing_critical(string clip, string filter, double minRate)
    {
        var directory = TestPaths.NewTempDirectory("road-variant");
        try
        {
            var variant = await FfmpegCli.RunAsync(Path.Combine(directory, "variant.mp4"),
                "-i", DevSetRuns.Clip(clip), "-vf", filter, "-c:v", "libx264", "-crf", "20", "-preset", "veryfast", "-pix_fmt", "yuv420p");
            using var analyzer = new RoadAnalyzer(RoadAssets.Models, new RoadOptions());
            var result = await VideoAnalyzer.RunAsync(variant, Path.Combine(directory, "annotated.mp4"), analyzer,
                cancellationToken: TestContext.Current.CancellationToken);
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
}
