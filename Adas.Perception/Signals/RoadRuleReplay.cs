using Adas.Perception.Events;
using Adas.Perception.Road.Rules;
using Adas.Perception.Road.Signs;

namespace Adas.Perception.Signals;

/// <summary>The road rules re-run over stored signals: no video, no models, the same code the live pipeline runs.</summary>
public static class RoadRuleReplay
{
    public static IReadOnlyList<AnalysisEvent> Run(IEnumerable<RoadSignalFrame> frames, RoadEventOptions events, SignOptions signs)
    {
        var rules = new RoadEventRules(events);
        var tracker = new SignTracker(signs);
        foreach (var frame in frames)
        {
            rules.Evaluate(frame.Observation);
            tracker.Update(frame.Signs, frame.Observation.Time);
        }
        return RoadEvents.Complete(rules, tracker);
    }
}
