using Adas.Perception.Video;

namespace Adas.Perception.Analysis;

/// <summary>One perception pipeline (road or driver): analyses each frame in order and draws its overlay on it.</summary>
public interface IFrameAnalyzer : IDisposable
{
    void Begin(VideoInfo info, StageTimings timings);

    /// <summary>Analyses the frame and draws the annotations onto <see cref="VideoFrame.Image"/>.</summary>
    void ProcessFrame(VideoFrame frame);

    /// <summary>Closes open episodes and returns everything found.</summary>
    AnalysisOutput Complete();
}
