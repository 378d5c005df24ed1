using Adas.Perception.Driver;
using Adas.Perception.Driver.Signals;
using Adas.Perception.Events;

namespace Adas.Perception.Signals;

/// <summary>The driver rules re-run over stored readings: no video, no models, the same tracker the live pipeline feeds.</summary>
public static class DriverRuleReplay
{
    public static IReadOnlyList<AnalysisEvent> Run(IEnumerable<DriverSignalRow> rows, DriverOptions options, double fps)
    {
        var tracker = new DriverSignalTracker(options, 1 / fps);
        foreach (var row in rows)
        {
            if (row.SceneCut) tracker.SceneCut();
            tracker.Update(row.Measurement);
        }
        return tracker.Complete().Events;
    }
}
