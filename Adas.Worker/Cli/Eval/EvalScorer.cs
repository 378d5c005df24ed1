using Adas.Perception.Events;

namespace Adas.Worker.Cli.Eval;

/// <summary>One fired event's verdict against a clip's labels.</summary>
public enum Verdict { TruePositive, Accepted, FalsePositive, Unjudged }

public sealed record ScoredEvent(AnalysisEvent Event, Verdict Verdict, bool OverSevere, double? LeadSeconds);

public sealed record MissedEvent(ExpectedEvent Label);

public sealed record ClipScore(string Clip, IReadOnlyList<ScoredEvent> Events, IReadOnlyList<MissedEvent> Misses,
    IReadOnlyList<ExpectedEvent> Hits)
{
    /// <summary>A critical that no label justifies: a false critical, or a critical where the scene justifies a warning.</summary>
    public int FalseCriticals => Events.Count(e => e.Event.Severity == EventSeverity.Critical && (e.Verdict == Verdict.FalsePositive || e.OverSevere));
}

/// <summary>
/// Scores a clip's events against its labels: an event (warning or critical; traffic signs and info are not scored)
/// matches a label of its type whose window it overlaps; a required label matched is a true positive, unmatched a
/// miss; an unmatched event overlapping a quiet window is a false positive, elsewhere unjudged.
/// </summary>
public static class EvalScorer
{
    public static bool IsScored(AnalysisEvent e) => e.Severity != EventSeverity.Info && e.Type != EventTypes.TrafficSign;

    public static ClipScore Score(ClipLabels labels, IEnumerable<AnalysisEvent> fired)
    {
        var scored = new List<ScoredEvent>();
        var hit = new HashSet<ExpectedEvent>();
        foreach (var e in fired.Where(IsScored).OrderBy(e => e.StartSeconds))
        {
            var label = labels.Events.Where(l => l.Types.Contains(e.Type) && Overlaps(e, l.Start, l.End))
                .OrderByDescending(l => l.Required).FirstOrDefault();
            if (label is not null)
            {
                hit.Add(label);
                var overSevere = Rank(e.Severity) > Rank(ParseSeverity(label.Severity));
                var lead = label.Conflict is { } c ? c - e.StartSeconds : (double?)null;
                scored.Add(new ScoredEvent(e, label.Required ? Verdict.TruePositive : Verdict.Accepted, overSevere, lead));
                continue;
            }
            var quiet = labels.Quiet.Any(q => q.Covers(e.Type) && Overlaps(e, q.Start, q.End));
            scored.Add(new ScoredEvent(e, quiet ? Verdict.FalsePositive : Verdict.Unjudged, false, null));
        }
        var misses = labels.Events.Where(l => l.Required && !hit.Contains(l)).Select(l => new MissedEvent(l)).ToList();
        return new ClipScore(labels.Clip, scored, misses, [.. hit.Where(l => l.Required)]);
    }

    private static bool Overlaps(AnalysisEvent e, double start, double end) => e.StartSeconds <= end && e.EndSeconds >= start;

    private static int Rank(EventSeverity s) => s switch { EventSeverity.Critical => 2, EventSeverity.Warning => 1, _ => 0 };

    private static EventSeverity ParseSeverity(string text) =>
        Enum.TryParse<EventSeverity>(text, ignoreCase: true, out var s) ? s : throw new CliException($"'{text}' is not a severity.");
}
