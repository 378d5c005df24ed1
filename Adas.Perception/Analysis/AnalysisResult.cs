using Adas.Perception.Video;

namespace Adas.Perception.Analysis;

public sealed record AnalysisResult(VideoInfo Video, AnalysisOutput Output, int FramesProcessed, TimeSpan Elapsed,
    IReadOnlyDictionary<string, double> StageMillisecondsPerFrame)
{
    /// <summary>CPU time of the measured stages on their own threads, per frame (see <see cref="StageTimings"/>).</summary>
    public IReadOnlyDictionary<string, double> StageCpuMillisecondsPerFrame { get; init; } = new Dictionary<string, double>();
}
