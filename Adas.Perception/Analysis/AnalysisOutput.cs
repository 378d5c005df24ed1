using Adas.Perception.Events;

namespace Adas.Perception.Analysis;

public sealed record AnalysisOutput(
    IReadOnlyList<AnalysisEvent> Events,
    IReadOnlyList<DetectedSign> Signs,
    IReadOnlyList<DriverSecond> DriverStates,
    IReadOnlyDictionary<string, object?> Summary)
{
    public static AnalysisOutput Empty { get; } = new([], [], [], new Dictionary<string, object?>());
}
