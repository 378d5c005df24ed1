using Adas.Perception.Video;

namespace Adas.Perception.Analysis;

public sealed record AnalysisResult(VideoInfo Video, AnalysisOutput Output, int FramesProcessed, TimeSpan Elapsed,
    IReadOnlyDictionary<string, double> StageMillisecondsPerFrame);
