using System.Collections.Concurrent;
using Adas.Perception.Analysis;
using Adas.Perception.Road;
using Adas.Tests.Infrastructure;

namespace Adas.Tests.Perception.Road;

/// <summary>
/// One run of the road pipeline (real detector, real pixels) per dev-set clip, shared by every assertion about that
/// clip so each clip is analysed once per test session. Set <c>ADAS_ROAD_KEEP_DIR</c> to keep the annotated videos.
/// </summary>
public sealed class DevSetRuns : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<AnalysisResult>>> _runs = new();
    private readonly string _directory = Environment.GetEnvironmentVariable("ADAS_ROAD_KEEP_DIR") is { Length: > 0 } keep
        ? Directory.CreateDirectory(keep).FullName
        : TestPaths.NewTempDirectory("road-dev-set");

    public static string Clip(string name) => TestPaths.Asset($"media/dev/road/{name}.mp4");

    /// <summary>The signals file the run of <paramref name="name"/> wrote (after <see cref="RunAsync"/>).</summary>
    public string SignalsOf(string name) => Path.Combine(_directory, $"{name}.signals.parquet");

    public Task<AnalysisResult> RunAsync(string name) =>
        _runs.GetOrAdd(name, n => new Lazy<Task<AnalysisResult>>(() => AnalyseAsync(n))).Value;

    private async Task<AnalysisResult> AnalyseAsync(string name)
    {
        using var analyzer = new RoadAnalyzer(RoadAssets.Models, new RoadOptions(), signalsPath: SignalsOf(name));
        return await VideoAnalyzer.RunAsync(Clip(name), Path.Combine(_directory, $"{name}.annotated.mp4"), analyzer);
    }

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("ADAS_ROAD_KEEP_DIR") is not { Length: > 0 }) Directory.Delete(_directory, recursive: true);
    }
}
