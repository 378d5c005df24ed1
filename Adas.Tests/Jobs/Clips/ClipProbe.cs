using System.Diagnostics;
using System.Globalization;

namespace Adas.Tests.Jobs.Clips;

/// <summary>What ffprobe says about a clip: codec, duration, and whether its first frame is a key frame (plays from the start).</summary>
public sealed record ClipProbe(string Codec, double DurationSeconds, bool StartsOnKeyFrame)
{
    public static async Task<ClipProbe> ReadAsync(string path)
    {
        var stream = (await FfprobeAsync("-select_streams", "v:0", "-show_entries", "stream=codec_name:format=duration", "-of", "default=nw=1", path))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('=', 2)).ToDictionary(kv => kv[0], kv => kv[1]);
        var firstFrame = await FfprobeAsync("-select_streams", "v:0", "-read_intervals", "%+#1", "-show_entries", "frame=key_frame",
            "-of", "csv=p=0", path);
        return new ClipProbe(stream["codec_name"], double.Parse(stream["duration"], CultureInfo.InvariantCulture),
            firstFrame.Trim().StartsWith('1'));
    }

    private static async Task<string> FfprobeAsync(params string[] arguments)
    {
        var info = new ProcessStartInfo("ffprobe") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in (string[])["-v", "error", .. arguments]) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"ffprobe failed: {error}");
        return output;
    }
}
