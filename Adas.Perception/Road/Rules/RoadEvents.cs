using Adas.Perception.Events;
using Adas.Perception.Road.Signs;

namespace Adas.Perception.Road.Rules;

/// <summary>The road pipeline's events once the video ends, the same for a live run and a replay from signals.</summary>
public static class RoadEvents
{
    public static IReadOnlyList<AnalysisEvent> Complete(RoadEventRules rules, SignTracker signs)
    {
        signs.Complete();
        return [.. rules.Complete().Concat(signs.Events).OrderBy(e => e.StartSeconds)];
    }
}
