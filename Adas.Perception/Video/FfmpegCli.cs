using System.Diagnostics;

namespace Adas.Perception.Video;

/// <summary>Runs the ffmpeg command line to completion (making clips for benchmarks and tests).</summary>
public static class FfmpegCli
{
    public static async Task<string> RunAsync(string outputPath, params string[] arguments)
    {
        var info = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in (string[])["-hide_banner", "-loglevel", "error", "-y", .. arguments, outputPath]) info.ArgumentList.Add(a);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("ffmpeg did not start.");
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"ffmpeg failed: {(await stderr).Trim()}");
        return outputPath;
    }
}
