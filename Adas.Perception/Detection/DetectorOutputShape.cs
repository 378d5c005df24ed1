namespace Adas.Perception.Detection;

/// <summary>Recognises the output layout of a detector from its output tensor shape.</summary>
public static class DetectorOutputShape
{
    public static (DetectorOutputLayout Layout, int ClassCount) Recognise(IReadOnlyList<long> shape, int? expectedClasses = null)
    {
        if (shape.Count == 3 && shape[0] == 1 && shape[1] > 0 && shape[2] > 0)
        {
            var (d1, d2) = (shape[1], shape[2]);
            if (d1 > d2 && d2 >= 6 && Matches(d2 - 5, expectedClasses)) return (DetectorOutputLayout.Yolox, (int)(d2 - 5));
            if (d2 > d1 && d1 >= 5 && Matches(d1 - 4, expectedClasses)) return (DetectorOutputLayout.Ultralytics, (int)(d1 - 4));
        }
        var classes = expectedClasses is { } n ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : "nc";
        throw new NotSupportedException(
            $"Unsupported detector output shape [{string.Join(", ", shape)}]: expected YOLOX [1, N, 5+{classes}] " +
            $"or Ultralytics [1, 4+{classes}, N].");
    }

    private static bool Matches(long classes, int? expected) => expected is null || classes == expected;
}
