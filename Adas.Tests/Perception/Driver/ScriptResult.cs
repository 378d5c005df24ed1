using Adas.Perception.Analysis;
using Adas.Perception.Driver.Signals;
using Adas.Perception.Events;

namespace Adas.Tests.Perception.Driver;

/// <summary>What a <see cref="SignalScript"/> run produced.</summary>
internal sealed record ScriptResult(
    IReadOnlyList<AnalysisEvent> Events,
    IReadOnlyList<DriverSecond> Seconds,
    IReadOnlyDictionary<string, object?> Summary,
    IReadOnlyList<DriverFrameStatus> Frames,
    DriverSignalTracker Tracker)
{
    public IReadOnlyList<AnalysisEvent> OfType(string type) => [.. Events.Where(e => e.Type == type)];
}
