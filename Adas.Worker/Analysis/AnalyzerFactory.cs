using Adas.Data.Entities;
using Adas.Perception;
using Adas.Perception.Analysis;

namespace Adas.Worker.Analysis;

/// <summary>Builds the perception pipeline for a video type. Shared by the queue worker and the command line.</summary>
public sealed class AnalyzerFactory(PerceptionModels models)
{
    public PerceptionModels Models { get; } = models;

    public IFrameAnalyzer? Create(VideoType type) => type switch
    {
        _ => null,
    };
}
