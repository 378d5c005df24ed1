using System.Globalization;
using Adas.Data.Entities;
using Adas.Perception.Analysis;
using Adas.Perception.Events;
using Adas.Perception.Video;
using Adas.Worker.Analysis;

namespace Adas.Worker.Cli;

/// <summary>
/// <c>bench --dev-set DIR</c>: runs the dashcam pipeline over every video in a folder (plus <c>--video</c> when
/// given) and prints one Markdown table row per clip: both-lines detection rate, mean ego speed, events by type and
/// severity, and the pipeline's fps. With <c>--out DIR</c> the annotated videos are kept there to be looked at.
/// </summary>
public static class DevSetReport
{
    private static readonly string[] VideoExtensions = [".mp4", ".mov", ".avi", ".mkv", ".webm"];

    public static async Task<int> RunAsync(CliArguments args, AnalyzerFactory factory)
    {
        var folder = args.Require("dev-set");
        if (!Directory.Exists(folder)) throw new CliException($"'{folder}' is not a folder.");
        var clips = Directory.EnumerateFiles(folder).Where(f => VideoExtensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
            .Order(StringComparer.Ordinal).ToList();
        if (args.Get("video") is { } extra) clips.Add(CliArguments.ExistingFile(extra));
        if (clips.Count == 0) throw new CliException($"'{folder}' holds no videos.");
        var keep = args.Get("out") is { } o ? Directory.CreateDirectory(o) : null;
        var scratch = keep ?? Directory.CreateTempSubdirectory("adas-devset-");
        try
        {
            Console.WriteLine("| clip | frames | both lines | lane width m | mean ego speed m/s | scene cuts | events (type: severity×n) | fps |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---|---:|");
            foreach (var clip in clips)
            {
                var output = Path.Combine(scratch.FullName, Path.GetFileNameWithoutExtension(clip) + ".annotated.mp4");
                AnalysisResult result;
                using (var analyzer = factory.Create(VideoType.Dashcam))
                    result = await VideoAnalyzer.RunAsync(clip, output, analyzer);
                Console.WriteLine(Row(Path.GetFileName(clip), result));
            }
            return 0;
        }
        finally
        {
            if (keep is null) scratch.Delete(recursive: true);
        }
    }

    private static string Row(string clip, AnalysisResult result)
    {
        var summary = result.Output.Summary;
        var lanes = summary.GetValueOrDefault("lane_detection_rate") is double rate ? $"{rate:P0}" : "-";
        var speed = summary.GetValueOrDefault("mean_ego_speed_mps") is double s ? s.ToString("0.0", CultureInfo.InvariantCulture) : "-";
        var events = string.Join(", ", result.Output.Events
            .Where(e => e.Type != EventTypes.TrafficSign)
            .GroupBy(e => e.Type).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key}: " + string.Join(" ", g.GroupBy(e => e.Severity).OrderByDescending(s => s.Key)
                .Select(s => $"{s.Key.ToString().ToLowerInvariant()}×{s.Count()}"))));
        var signs = result.Output.Events.Count(e => e.Type == EventTypes.TrafficSign);
        if (signs > 0) events += (events.Length > 0 ? ", " : "") + $"traffic_sign×{signs}";
        var width = summary.GetValueOrDefault("median_lane_width_m") is double w ? w.ToString("0.00", CultureInfo.InvariantCulture) : "-";
        var cuts = summary.GetValueOrDefault("scene_cuts") is int n ? n.ToString(CultureInfo.InvariantCulture) : "-";
        var fps = result.FramesProcessed / result.Elapsed.TotalSeconds;
        return string.Create(CultureInfo.InvariantCulture,
            $"| {clip} | {result.FramesProcessed} | {lanes} | {width} | {speed} | {cuts} | {(events.Length > 0 ? events : "none")} | {fps:0.0} |");
    }
}
