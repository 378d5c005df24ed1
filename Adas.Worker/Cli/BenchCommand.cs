using System.Diagnostics;
using System.Globalization;
using Adas.Data.Entities;
using Adas.Perception.Analysis;
using Adas.Perception.Video;
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
        var video = CliArguments.ExistingFile(args.Get("video") ?? DefaultVideo());
        var type = args.VideoType(VideoType.Dashcam);
        var factory = new AnalyzerFactory(PerceptionSetup.DefaultModels());
        var scratch = Directory.CreateTempSubdirectory("adas-bench-");
        try
        {
            Print("video", Path.GetFileName(video));
            Print("type", type == VideoType.Dashcam ? "dashcam" : "in_cabin");
            Print("cpu_count", Environment.ProcessorCount);

            var decode = Stopwatch.StartNew();
            int frames;
            using (var source = new VideoFrameSource(video))
            {
                frames = source.ReadFrames().Count();
                Print("frames", frames);
                Print("width", source.Info.Width);
                Print("height", source.Info.Height);
                Print("video_fps", source.Info.Fps);
            }
            Print("decode_fps", frames / decode.Elapsed.TotalSeconds);

            var encodeOnly = await VideoAnalyzer.RunAsync(video, Path.Combine(scratch.FullName, "encode.mp4"), analyzer: null);
            Print("decode_encode_fps", encodeOnly.FramesProcessed / encodeOnly.Elapsed.TotalSeconds);

            AnalysisResult pipeline;
            using (var analyzer = factory.Create(type))
                pipeline = await VideoAnalyzer.RunAsync(video, Path.Combine(scratch.FullName, "pipeline.mp4"), analyzer);
            var pipelineFps = pipeline.FramesProcessed / pipeline.Elapsed.TotalSeconds;
            Print("pipeline_fps", pipelineFps);
            Print("realtime_factor", pipelineFps / pipeline.Video.Fps);
            Print("pipeline_share_of_decode_encode_limit", pipelineFps / (encodeOnly.FramesProcessed / encodeOnly.Elapsed.TotalSeconds));
            foreach (var (stage, ms) in pipeline.StageMillisecondsPerFrame.OrderBy(kv => kv.Key))
                Print($"stage_ms_{stage}", ms);
            Print("events", pipeline.Output.Events.Count);
            Print("peak_rss_mb", Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0);

            if (args.Get("memory") == "true") await MemoryBench.RunAsync(video, type, factory, scratch.FullName);
            return 0;
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    public static void Print(string key, object value) =>
        Console.WriteLine($"{key}={(value is double d ? d.ToString("0.###", CultureInfo.InvariantCulture) : value)}");

    private static string DefaultVideo() =>
        Path.Combine(Path.GetDirectoryName(PerceptionSetup.ModelsDirectory())!, "media", "dashcam", "highway_lanes_960x540.mp4");
}
