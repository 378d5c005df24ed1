using System.Diagnostics;
using Adas.Data.Entities;
using Adas.Perception.Analysis;
using Adas.Perception.Video;
using Adas.Worker.Analysis;

namespace Adas.Worker.Cli;

/// <summary>Resident memory after a 10 s and after a 5 min video through the full pipeline: growth must stay flat.</summary>
public static class MemoryBench
{
    public static async Task RunAsync(string video, VideoType type, AnalyzerFactory factory, string scratch)
    {
        var shortClip = await LoopAsync(video, scratch, TimeSpan.FromSeconds(10));
        var longClip = await LoopAsync(video, scratch, TimeSpan.FromMinutes(5));
        var afterShort = await RunAndMeasureAsync(shortClip, type, factory, scratch);
        var afterLong = await RunAndMeasureAsync(longClip, type, factory, scratch);
        BenchCommand.Print("rss_mb_after_10s_video", afterShort);
        BenchCommand.Print("rss_mb_after_5min_video", afterLong);
        BenchCommand.Print("rss_growth_mb_10s_to_5min", afterLong - afterShort);
    }

    private static async Task<double> RunAndMeasureAsync(string clip, VideoType type, AnalyzerFactory factory, string scratch)
    {
        using (var analyzer = factory.Create(type))
            await VideoAnalyzer.RunAsync(clip, Path.Combine(scratch, "memory.mp4"), analyzer);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        return self.PeakWorkingSet64 / 1024.0 / 1024.0;
    }

    private static Task<string> LoopAsync(string video, string scratch, TimeSpan length) =>
        FfmpegCli.RunAsync(Path.Combine(scratch, $"loop_{(int)length.TotalSeconds}s.mp4"),
            "-stream_loop", "-1", "-i", video, "-t", ((int)length.TotalSeconds).ToString(), "-c", "copy");
}
