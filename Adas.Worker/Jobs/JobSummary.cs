using Adas.Data.Entities;
using Adas.Perception;
using Adas.Perception.Analysis;

namespace Adas.Worker.Jobs;

/// <summary>What a finished job reports in its <c>summary</c>.</summary>
public static class JobSummary
{
    public static Dictionary<string, object?> Build(AnalysisResult result, int eventCount)
    {
        var summary = new Dictionary<string, object?>
        {
            ["frames"] = result.FramesProcessed,
            ["analysisFps"] = Math.Round(result.FramesProcessed / Math.Max(1e-6, result.Elapsed.TotalSeconds), 1),
            ["events"] = eventCount,
            ["eventsByType"] = result.Output.Events.GroupBy(e => e.Type).ToDictionary(g => g.Key, g => g.Count()),
            ["trafficSigns"] = result.Output.Signs.Count,
            ["driverStateSeconds"] = result.Output.DriverStates.Count,
            ["stageMsPerFrame"] = result.StageMillisecondsPerFrame.ToDictionary(kv => kv.Key, kv => Math.Round(kv.Value, 2)),
        };
        foreach (var (key, value) in result.Output.Summary) summary.TryAdd(key, value);
        return summary;
    }

    /// <summary>Which model files the job ran with (the registry's active versions or the built-in ones).</summary>
    public static Dictionary<string, string> ModelFiles(PerceptionModels models, VideoType type) => type == VideoType.Dashcam
        ? new() { ["objectDetector"] = Path.GetFileName(models.ObjectDetector), ["signClassifier"] = Path.GetFileName(models.SignClassifier) }
        : new() { ["faceDetector"] = Path.GetFileName(models.FaceDetector), ["faceLandmarks"] = Path.GetFileName(
                      string.IsNullOrEmpty(models.FaceLandmarker478) ? models.FaceLandmarks : models.FaceLandmarker478),
                  ["objectDetector"] = Path.GetFileName(models.ObjectDetector) };
}
