using Adas.Perception.Events;

namespace Adas.Perception.Driver.Signals;

/// <summary>
/// Joins episodes of one type that overlap or follow within <c>joinGap</c> seconds (one rule can be met two ways):
/// the joined episode spans both and keeps the worse severity and the higher peak with its details and snapshot.
/// </summary>
public static class EpisodeMerger
{
    public static IReadOnlyList<AnalysisEvent> Merge(IEnumerable<AnalysisEvent> episodes, double joinGap)
    {
        var merged = new List<AnalysisEvent>();
        foreach (var e in episodes.OrderBy(e => e.StartSeconds))
        {
            if (merged.Count > 0 && e.StartSeconds <= merged[^1].EndSeconds + joinGap) merged[^1] = Join(merged[^1], e);
            else merged.Add(e);
        }
        return merged;
    }

    private static AnalysisEvent Join(AnalysisEvent a, AnalysisEvent b)
    {
        var peak = (b.PeakValue ?? double.MinValue) > (a.PeakValue ?? double.MinValue) ? b : a;
        return peak with
        {
            Severity = a.Severity > b.Severity ? a.Severity : b.Severity,
            StartSeconds = Math.Min(a.StartSeconds, b.StartSeconds),
            EndSeconds = Math.Max(a.EndSeconds, b.EndSeconds),
        };
    }
}
