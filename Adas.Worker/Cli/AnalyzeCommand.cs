using System.Text.Json;
using System.Text.Json.Serialization;
using Adas.Data.Entities;
using Adas.Data.Results;
using Adas.Perception.Analysis;
using Adas.Perception.Road.Camera;
using Adas.Perception.Signals;
using Adas.Perception.Video;
using Adas.Shared.Camera;
using Adas.Worker.Analysis;
using Adas.Worker.Jobs;
using Adas.Shared.Signals;

namespace Adas.Worker.Cli;

/// <summary>
/// Analyses one local file with the worker's own pipeline, without the services: writes annotated.mp4,
/// events.json (the API's event shape) and results.json (signs, driver states, summary). A dashcam's field of view
/// and mounting height can be given (<c>--fov</c>, <c>--camera-height</c>) as a vehicle's camera is in the API;
/// <c>--signals</c> also writes signals.parquet, the per-frame measurements the rules read (<c>docs/signals.md</c>).
/// </summary>
public static class AnalyzeCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static async Task<int> RunAsync(CliArguments args)
    {
        var input = CliArguments.ExistingFile(args.Positional.FirstOrDefault() ?? throw new CliException("the video path is missing."));
        var type = args.VideoType();
        var outDir = Path.GetFullPath(args.Require("out"));
        var defaults = new CameraModel();
        var camera = defaults with
        {
            HorizontalFovDegrees = args.GetDouble("fov", defaults.HorizontalFovDegrees, CameraLimits.MinFovDegrees, CameraLimits.MaxFovDegrees),
            MountingHeightMeters = args.GetDouble("camera-height", defaults.MountingHeightMeters,
                CameraLimits.MinMountingHeightMeters, CameraLimits.MaxMountingHeightMeters),
        };
        Directory.CreateDirectory(outDir);
        var signalsPath = args.Get("signals") is "true" ? Path.Combine(outDir, SignalsFile.FileName) : null;

        var factory = new AnalyzerFactory(PerceptionSetup.DefaultModels());
        AnalysisResult result;
        try
        {
            using var analyzer = factory.Create(type, camera, signalsPath: signalsPath);
            result = await VideoAnalyzer.RunAsync(input, Path.Combine(outDir, "annotated.mp4"), analyzer);
        }
        catch (VideoDecodeException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return 1;
        }

        var job = new VideoJob { FileName = Path.GetFileName(input), VideoType = type, CreatedAt = DateTime.UtcNow };
        var events = new List<SafetyEventView>();
        foreach (var e in result.Output.Events)
        {
            var entity = ResultMapper.ToEntity(e, job, driverId: null, videoStart: job.CreatedAt);
            if (e.Snapshot is { Length: > 0 } jpeg)
            {
                entity.SnapshotPath = Path.Combine(outDir, "snapshots", $"{entity.Id:N}.jpg");
                Directory.CreateDirectory(Path.GetDirectoryName(entity.SnapshotPath)!);
                await File.WriteAllBytesAsync(entity.SnapshotPath, jpeg);
            }
            events.Add(SafetyEventView.From(entity));
        }
        await File.WriteAllTextAsync(Path.Combine(outDir, "events.json"), JsonSerializer.Serialize(events, Json));
        await File.WriteAllTextAsync(Path.Combine(outDir, "results.json"), JsonSerializer.Serialize(new
        {
            video = result.Video,
            trafficSigns = result.Output.Signs,
            driverStates = result.Output.DriverStates,
            summary = JobSummary.Build(result, events.Count),
        }, Json));

        var byType = string.Join(", ", events.GroupBy(e => e.Type).Select(g => $"{g.Key}={g.Count()}"));
        Console.WriteLine($"{Path.GetFileName(input)}: {result.FramesProcessed} frames {result.Video.Width}x{result.Video.Height} " +
            $"@ {result.Video.Fps:0.##} fps analysed in {result.Elapsed.TotalSeconds:0.0} s " +
            $"({result.FramesProcessed / result.Elapsed.TotalSeconds:0.0} fps); {events.Count} events{(byType.Length > 0 ? $" ({byType})" : "")}, " +
            $"{result.Output.Signs.Count} signs{(signalsPath is null ? "" : $", signals {new FileInfo(signalsPath).Length / 1024.0:0.#} KiB")} -> {outDir}");
        return 0;
    }
}
