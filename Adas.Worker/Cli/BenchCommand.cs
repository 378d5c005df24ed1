using System.Diagnostics;
using System.Globalization;
using Adas.Data.Entities;
using Adas.Perception.Analysis;
using Adas.Perception.Video;
using Adas.Shared.Signals;
using Adas.Worker.Analysis;

namespace Adas.Worker.Cli;

/// <summary>
/// Prints machine-readable <c>key=value</c> figures for one clip, measured in one run: decode only and
/// decode+encode (the machine's physical limit for this clip), then the full pipeline with its per-stage times.
/// </summary>
public static class BenchCommand
{
    public static async Task<int> RunAsync(CliArguments args)
    {
        if (args.Positional.FirstOrDefault() == "api") return await ApiBench.RunAsync(args);
        if (args.Positional.FirstOrDefault() == "events") return await EventsBench.RunAsync(args);
        if (args.Positional.FirstOrDefault() == "eval") return await Eval.EvalCommand.RunAsync(args, new AnalyzerFactory(PerceptionSetup.DefaultModels()));
        if (args.Get("dev-set") is not null) return await DevSetReport.RunAsync(args, new AnalyzerFactory(PerceptionSetup.DefaultModels()));
        var type = args.VideoType(VideoType.Dashcam);
        var factory = new AnalyzerFactory(PerceptionSetup.DefaultModels());
        var scratch = Directory.CreateTempSubdirectory("adas-bench-");
        try
        {
            // --type in_cabin without --video: the driver pipeline alone, on the synthetic cabin clip.
            var video = args.Get("video") is { } given ? CliArguments.ExistingFile(given)
                : type == VideoType.InCabin ? await SyntheticCabinClipAsync(scratch.FullName) : DefaultVideo();
            Print("video", Path.GetFileName(video));
            Print("type", type == VideoType.Dashcam ? "dashcam" : "in_cabin");
            Print("cpu_count", Environment.ProcessorCount);

            var pipelineFps = await MeasureAsync(video, type, factory, scratch.FullName, prefix: "");
            if (type == VideoType.Dashcam)
            {
                var cabin = args.Get("driver-video") is { } driverVideo
                    ? CliArguments.ExistingFile(driverVideo)
                    : await SyntheticCabinClipAsync(scratch.FullName);
                Print("driver_video", Path.GetFileName(cabin));
                Print("driver_fps", await MeasureAsync(cabin, VideoType.InCabin, factory, scratch.FullName, prefix: "driver_"));
            }
            else
            {
                Print("driver_fps", pipelineFps);
            }
            Print("peak_rss_mb", Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0);

            if (args.Get("memory") == "true") await MemoryBench.RunAsync(video, type, factory, scratch.FullName);
            return 0;
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    /// <summary>Decode only, decode + encode (the clip's limit) and the full pipeline; returns the pipeline's fps.</summary>
    private static async Task<double> MeasureAsync(string video, VideoType type, AnalyzerFactory factory, string scratch, string prefix)
    {
        var decode = Stopwatch.StartNew();
        int frames;
        using (var source = new VideoFrameSource(video))
        {
            frames = source.ReadFrames().Count();
            Print($"{prefix}frames", frames);
            Print($"{prefix}width", source.Info.Width);
            Print($"{prefix}height", source.Info.Height);
            Print($"{prefix}video_fps", source.Info.Fps);
        }
        Print($"{prefix}decode_fps", frames / decode.Elapsed.TotalSeconds);

        var encodeOnly = await VideoAnalyzer.RunAsync(video, Path.Combine(scratch, $"{prefix}encode.mp4"), analyzer: null);
        var encodeFps = encodeOnly.FramesProcessed / encodeOnly.Elapsed.TotalSeconds;
        Print($"{prefix}decode_encode_fps", encodeFps);

        AnalysisResult withoutSignals;
        using (var analyzer = factory.Create(type))
            withoutSignals = await VideoAnalyzer.RunAsync(video, Path.Combine(scratch, $"{prefix}no_signals.mp4"), analyzer);
        var withoutSignalsFps = withoutSignals.FramesProcessed / withoutSignals.Elapsed.TotalSeconds;
        Print($"{prefix}pipeline_fps_without_signals", withoutSignalsFps);

        // The worker's configuration: the signals file written beside the results.
        AnalysisResult pipeline;
        var signals = Path.Combine(scratch, $"{prefix}{SignalsFile.FileName}");
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        using (var analyzer = factory.Create(type, signalsPath: signals))
            pipeline = await VideoAnalyzer.RunAsync(video, Path.Combine(scratch, $"{prefix}pipeline.mp4"), analyzer);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var pipelineFps = pipeline.FramesProcessed / pipeline.Elapsed.TotalSeconds;
        Print($"{prefix}pipeline_fps", pipelineFps);
        Print($"{prefix}signals_fps_change_percent", 100 * (pipelineFps / withoutSignalsFps - 1));
        SignalsBench.Print(prefix, signals, video, pipeline.Video.DurationSeconds);
        // This process's CPU time (the encoder is a separate ffmpeg process): far less inflated by a busy machine than fps.
        Print($"{prefix}cpu_ms_per_frame", cpu.TotalMilliseconds / pipeline.FramesProcessed);
        Print($"{prefix}realtime_factor", pipelineFps / pipeline.Video.Fps);
        Print($"{prefix}pipeline_share_of_decode_encode_limit", pipelineFps / encodeFps);
        foreach (var (stage, ms) in pipeline.StageMillisecondsPerFrame.OrderBy(kv => kv.Key))
            Print($"{prefix}stage_ms_{stage}", ms);
        foreach (var (stage, ms) in pipeline.StageCpuMillisecondsPerFrame.OrderBy(kv => kv.Key))
            Print($"{prefix}stage_cpu_ms_{stage}", ms);
        Print($"{prefix}events", pipeline.Output.Events.Count);
        return pipelineFps;
    }

    /// <summary>
    /// A 640x480, 30 fps, 10 s in-cabin clip made from the sample face, moving slightly and with sensor noise, for
    /// the driver pipeline's figure when no in-cabin video is given (<c>--driver-video</c>).
    /// </summary>
    private static Task<string> SyntheticCabinClipAsync(string scratch) =>
        FfmpegCli.RunAsync(Path.Combine(scratch, "cabin_640x480.mp4"),
            "-f", "lavfi", "-i", "color=c=0x404040:s=640x480:r=30:d=10",
            "-loop", "1", "-framerate", "30", "-i", Path.Combine(AssetsDirectory(), "media", "faces", "grace_hopper_512x512.jpg"),
            "-filter_complex", "[1]scale=360:360[face];[0][face]overlay=x=140+20*sin(t):y=60+10*cos(0.7*t):shortest=1,noise=alls=6:allf=t",
            "-c:v", "libx264", "-pix_fmt", "yuv420p");

    public static void Print(string key, object value) =>
        Console.WriteLine($"{key}={(value is double d ? d.ToString("0.###", CultureInfo.InvariantCulture) : value)}");

    private static string AssetsDirectory() => Path.GetDirectoryName(PerceptionSetup.ModelsDirectory())!;

    private static string DefaultVideo() => Path.Combine(AssetsDirectory(), "media", "dashcam", "highway_lanes_960x540.mp4");
}
