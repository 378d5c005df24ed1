using System.Diagnostics;
using Adas.Perception.Signals;

namespace Adas.Worker.Cli;

/// <summary>The signals file of a bench run: its size beside the video's, and how fast the rules re-run over it.</summary>
public static class SignalsBench
{
    private const int ReplayRepeats = 5;

    public static void Print(string prefix, string signalsPath, string videoPath, double videoSeconds)
    {
        var bytes = new FileInfo(signalsPath).Length;
        BenchCommand.Print($"{prefix}signals_bytes", bytes);
        BenchCommand.Print($"{prefix}signals_percent_of_video_bytes", 100.0 * bytes / new FileInfo(videoPath).Length);
        RuleReplay.Run(signalsPath, RuleOptions.Defaults); // JIT and file cache warm, as in a service that has run before
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < ReplayRepeats; i++) RuleReplay.Run(signalsPath, RuleOptions.Defaults);
        var seconds = clock.Elapsed.TotalSeconds / ReplayRepeats;
        BenchCommand.Print($"{prefix}rules_replay_ms", seconds * 1000);
        BenchCommand.Print($"{prefix}rules_replay_video_hours_per_second", videoSeconds / 3600 / seconds);
    }
}
