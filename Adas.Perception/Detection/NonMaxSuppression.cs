using OpenCvSharp;

namespace Adas.Perception.Detection;

public static class NonMaxSuppression
{
    /// <summary>Greedy NMS over all classes together: a box suppresses any lower-scored box overlapping it by more than the threshold.</summary>
    public static List<Detection> ClassAgnostic(List<Detection> candidates, float iouThreshold)
    {
        candidates.Sort((a, b) => b.Score.CompareTo(a.Score));
        var kept = new List<Detection>();
        foreach (var candidate in candidates)
        {
            var suppressed = false;
            foreach (var k in kept)
                if (BoxGeometry.Iou(k.Box, candidate.Box) > iouThreshold) { suppressed = true; break; }
            if (!suppressed) kept.Add(candidate);
        }
        return kept;
    }
}
