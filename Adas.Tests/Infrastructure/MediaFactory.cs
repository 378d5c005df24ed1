using System.Diagnostics;
using Adas.Perception.Video;

namespace Adas.Tests.Infrastructure;

/// <summary>Makes test videos with the ffmpeg CLI (a longer clip, a 1-frame clip, audio only, ...).</summary>
public static class MediaFactory
{
    public static Task<string> FfmpegAsync(string outputPath, params string[] arguments) => FfmpegCli.RunAsync(outputPath, arguments);

    /// <summary>
    /// The highway clip repeated, for jobs that must still be running when the test acts on them. Each call makes
    /// different bytes (a unique tag), so uploads are never answered from an earlier identical job.
    /// </summary>
    public static Task<string> LongHighwayClipAsync(string directory, int repeats)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        return FfmpegAsync(Path.Combine(directory, $"highway_x{repeats}_{tag}.mp4"), "-stream_loop", (repeats - 1).ToString(),
            "-i", TestPaths.Asset("media/dashcam/highway_lanes_960x540.mp4"), "-c", "copy", "-metadata", $"comment={tag}");
    }

    /// <summary>
    /// A short synthetic clip (testsrc2, H.264). Each call makes different bytes (a unique tag), so an upload is a new
    /// job and never the earlier identical one that the SHA-256 de-duplication would hand back.
    /// </summary>
    public static Task<string> UniqueTestClipAsync(string directory, string name, int seconds = 1)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        return FfmpegAsync(Path.Combine(directory, $"{name}_{tag}.mp4"), "-f", "lavfi",
            "-i", $"testsrc2=size=320x240:rate=25:duration={seconds}", "-c:v", "libx264", "-pix_fmt", "yuv420p",
            "-metadata", $"comment={tag}");
    }

    public static Task<string> OneFrameClipAsync(string directory) =>
        FfmpegAsync(Path.Combine(directory, "one_frame.mp4"), "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25",
            "-frames:v", "1", "-c:v", "libx264", "-pix_fmt", "yuv420p");

    public static Task<string> AudioOnlyAsync(string directory) =>
        FfmpegAsync(Path.Combine(directory, "audio_only.mp4"), "-f", "lavfi", "-i", "sine=frequency=440:duration=2", "-c:a", "aac");

    /// <summary>Frame count and codec of a video, read by ffprobe (decoding every frame).</summary>
    public static async Task<(string Codec, string PixelFormat, int Frames)> ProbeAsync(string path)
    {
        var info = new ProcessStartInfo("ffprobe") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in (string[])["-v", "error", "-select_streams", "v:0", "-count_frames", "-show_entries",
                     "stream=codec_name,pix_fmt,nb_read_frames", "-of", "csv=p=0", path]) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var output = (await process.StandardOutput.ReadToEndAsync()).Trim().Split(',');
        await process.WaitForExitAsync();
        return (output[0], output[1], int.Parse(output[2]));
    }
}
