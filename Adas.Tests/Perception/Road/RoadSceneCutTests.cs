using Adas.Perception.Analysis;
using Adas.Perception.Road;
using Adas.Perception.Video;
using Adas.Tests.Infrastructure;

namespace Adas.Tests.Perception.Road;

/// <summary>Edited footage: two real dev-set drives cut together, analysed as one video.</summary>
public sealed class RoadSceneCutTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_cut_between_two_real_drives_is_found_once_and_lanes_and_ego_speed_start_again_after_it()
    {
        var directory = TestPaths.NewTempDirectory("road-cut");
        try
        {
            // 5 s of the sunny country road, then 5 s of the desert road (both 640x360, 30 fps): similar scenes, one cut at 5 s.
            var edited = await FfmpegCli.RunAsync(Path.Combine(directory, "edited.mp4"),
                "-i", DevSetRuns.Clip("country_road_640x360"), "-i", DevSetRuns.Clip("desert_curves_640x360"),
                "-filter_complex", "[0:v]trim=0:5,setpts=PTS-STARTPTS,fps=30[a];[1:v]trim=0:5,setpts=PTS-STARTPTS,fps=30[b];[a][b]concat=n=2:v=1[v]",
                "-map", "[v]", "-c:v", "libx264", "-pix_fmt", "yuv420p");
            using var analyzer = new RoadAnalyzer(RoadAssets.Models, new RoadOptions());
            var result = await VideoAnalyzer.RunAsync(edited, Path.Combine(directory, "annotated.mp4"), analyzer,
                cancellationToken: TestContext.Current.CancellationToken);
            var summary = result.Output.Summary;
            var speeds = (double?[])summary["ego_speed_per_second_mps"]!;
            output.WriteLine($"cuts at {string.Join(", ", (double[])summary["scene_cut_seconds"]!)}; lanes {summary["lane_detection_rate"]}; " +
                             $"speed per second {string.Join(" ", speeds.Select(s => s?.ToString("0.0") ?? "-"))}");

            Assert.Equal(1, summary["scene_cuts"]);
            Assert.InRange(Assert.Single((double[])summary["scene_cut_seconds"]!), 4.95, 5.05);
            Assert.NotNull(speeds[4]);   // measured before the cut
            Assert.Null(speeds[5]);      // forgotten at the cut: the new drive's speed is not the old one's
            Assert.NotNull(speeds[7]);   // measured again on the new road
            Assert.True((double)summary["lane_detection_rate"]! >= 0.8, $"both lines in {summary["lane_detection_rate"]} of the frames");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
