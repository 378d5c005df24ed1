using System.Globalization;
using Adas.Perception.Analysis;
using Adas.Perception.Events;
using Adas.Perception.Road;
using Adas.Perception.Video;
using Adas.Tests.Infrastructure;

namespace Adas.Tests.Perception.Road;

public sealed class RoadAnalyzerClipTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Annotates_the_highway_clip_frame_for_frame_with_lanes_tracks_and_no_event_storm()
    {
        var directory = TestPaths.NewTempDirectory("road-clip");
        try
        {
            var annotated = Path.Combine(directory, "annotated.mp4");
            using var analyzer = new RoadAnalyzer(RoadAssets.Models, new RoadOptions());
            var result = await VideoAnalyzer.RunAsync(RoadAssets.HighwayLanesClip, annotated, analyzer,
                cancellationToken: TestContext.Current.CancellationToken);
            Report(result);
            if (Environment.GetEnvironmentVariable("ADAS_ROAD_KEEP") is { Length: > 0 } keep) File.Copy(annotated, keep, true);

            Assert.Equal(221, result.FramesProcessed);
            using (var check = new VideoFrameSource(annotated))
                Assert.Equal(221, check.ReadFrames(TestContext.Current.CancellationToken).Count());
            foreach (var stage in (string[])["detect", "track", "lanes", "signs", "render", "decode", "encode"])
                Assert.True(result.StageMillisecondsPerFrame.ContainsKey(stage), stage);

            var summary = result.Output.Summary;
            Assert.Equal(221, summary["frames"]);
            Assert.True((double)summary["lane_detection_rate"]! >= 0.95);
            Assert.InRange((int)summary["tracks"]!, 2, 40);
            Assert.True(result.Output.Events.Count <= 6, $"{result.Output.Events.Count} events on a calm 9 s highway clip");
            Assert.DoesNotContain(result.Output.Events, e => e.Type == EventTypes.ForwardCollisionWarning);
            Assert.DoesNotContain(result.Output.Events, e => e.Type == EventTypes.LaneDeparture);
            Assert.All(result.Output.Events, e => Assert.True(e.EndSeconds >= e.StartSeconds));
            Assert.Empty(result.Output.Signs);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private void Report(AnalysisResult result)
    {
        if (Environment.GetEnvironmentVariable("ADAS_ROAD_REPORT") is { Length: > 0 } reportPath)
            File.WriteAllText(reportPath, Describe(result));
        output.WriteLine(Describe(result));
    }

    private static string Describe(AnalysisResult result)
    {
        var output = new System.Text.StringBuilder();
        var fps = result.FramesProcessed / result.Elapsed.TotalSeconds;
        output.AppendLine(string.Create(CultureInfo.InvariantCulture, $"frames {result.FramesProcessed}, {fps:0.0} fps overall"));
        foreach (var (stage, ms) in result.StageMillisecondsPerFrame)
            output.AppendLine(string.Create(CultureInfo.InvariantCulture, $"  {stage}: {ms:0.00} ms/frame"));
        foreach (var (key, value) in result.Output.Summary) output.AppendLine($"  {key} = {value}");
        foreach (var e in result.Output.Events)
            output.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"  event {e.Type} {e.Severity} {e.StartSeconds:0.00}-{e.EndSeconds:0.00} {e.PeakMetric}={e.PeakValue} track {e.TrackId} snapshot {e.Snapshot?.Length}"));
        foreach (var s in result.Output.Signs)
            output.AppendLine(string.Create(CultureInfo.InvariantCulture, $"  sign {s.Kind} {s.Label} {s.FirstSeenSeconds:0.00}-{s.LastSeenSeconds:0.00} x{s.FrameCount}"));
        return output.ToString();
    }
}
