namespace Adas.Api.Features.Quality;

/// <summary>The Wilson score interval of a proportion: sound for the small counts a review queue has (0 of 3, 3 of 3).</summary>
public static class Wilson
{
    private const double Z95 = 1.959963984540054;

    public static (double Low, double High) Interval(int successes, int trials, double z = Z95)
    {
        if (trials <= 0) return (0, 1);
        var p = (double)successes / trials;
        var z2 = z * z;
        var denominator = 1 + z2 / trials;
        var centre = (p + z2 / (2 * trials)) / denominator;
        var half = z * Math.Sqrt(p * (1 - p) / trials + z2 / (4.0 * trials * trials)) / denominator;
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}
