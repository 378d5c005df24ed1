using Adas.Perception.Video;

namespace Adas.Perception.Analysis;

/// <summary>One perception pipeline (road or driver): analyses each frame in order and draws its overlay on it.</summary>
public interface IFrameAnalyzer : IDisposable
{
    void Begin(VideoInfo info, StageTimings timings);

    /// <summary>
    /// Optional work on a frame ahead of <see cref="ProcessFrame"/>, run in frame order on a pipeline thread of its
    /// own while the previous frame is still being processed and encoded. It must only read the image.
    /// </summary>
    void Prepare(VideoFrame frame) { }

    /// <summary>Analyses the frame and draws the annotations onto <see cref="VideoFrame.Image"/>.</summary>
    void ProcessFrame(VideoFrame frame);

    /// <summary>Closes open episodes and returns everything found.</summary>
    AnalysisOutput Complete();
}
