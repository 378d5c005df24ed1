using System.ComponentModel;
using System.Diagnostics;

namespace Adas.Perception.Video;

/// <summary>Runs the ffmpeg command line to completion (cutting event clips, making clips for benchmarks and tests).</summary>
public static class FfmpegCli
{
    public static Task<string> RunAsync(string outputPath, params string[] arguments) => RunAsync(outputPath, arguments, CancellationToken.None);

    /// <summary>Runs ffmpeg; on cancellation the process is killed before the exception is thrown.</summary>
    public static async Task<string> RunAsync(string outputPath, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in (string[])["-hide_banner", "-loglevel", "error", "-y", .. arguments, outputPath]) info.ArgumentList.Add(a);
        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException("ffmpeg did not start.");
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException("The ffmpeg command is not installed (apt-get install ffmpeg).", ex);
        }
        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
            _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            try
            {
                await process.WaitForExitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                if (!process.HasExited) process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
                throw;
            }
            if (process.ExitCode != 0) throw new InvalidOperationException($"ffmpeg failed: {(await stderr).Trim()}");
        }
        return outputPath;
    }
}
