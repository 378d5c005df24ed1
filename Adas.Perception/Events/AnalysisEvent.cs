namespace Adas.Perception.Events;

/// <summary>A safety event as an episode: when a rule started and stopped holding, and its worst moment.</summary>
public sealed record AnalysisEvent(
    string Type,
    EventSeverity Severity,
    double StartSeconds,
    double EndSeconds,
    string? PeakMetric,
    double? PeakValue,
    int? TrackId = null,
    IReadOnlyDictionary<string, object?>? Details = null)
{
    /// <summary>JPEG of the frame at the peak, when the pipeline captured one.</summary>
    public byte[]? Snapshot { get; init; }
}
