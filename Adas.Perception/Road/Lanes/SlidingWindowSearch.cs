using OpenCvSharp;

namespace Adas.Perception.Road.Lanes;

/// <summary>
/// Finds one lane line in a bird's-eye paint mask: a stack of windows from the bottom up, each re-centred on the
/// paint it contains (or placed along a prior line), then a 2nd-order polynomial fit of all collected pixels.
/// </summary>
public sealed class SlidingWindowSearch(LaneDetectorOptions options)
{
    private readonly PolynomialFitSums _sums = new();

    /// <summary>Column histogram peaks of the lower half of the mask, left and right of <paramref name="splitU"/>.</summary>
    public static unsafe (double? Left, double? Right) BasePeaks(Mat mask, double splitU = 0.5)
    {
        var width = mask.Width;
        var height = mask.Height;
        var data = (byte*)mask.Data;
        var step = (int)mask.Step();
        Span<int> histogram = stackalloc int[width];
        for (var y = height / 2; y < height; y++)
        {
            var row = data + y * step;
            for (var x = 0; x < width; x++) if (row[x] != 0) histogram[x]++;
        }
        var split = (int)(splitU * width);
        return (Peak(histogram, 2, split), Peak(histogram, split, width - 2));
    }

    private static double? Peak(Span<int> histogram, int from, int to)
    {
        var best = -1;
        var bestValue = 0;
        for (var x = from + 2; x < to - 2; x++)
        {
            var value = histogram[x - 2] + histogram[x - 1] + histogram[x] + histogram[x + 1] + histogram[x + 2];
            if (value > bestValue) (best, bestValue) = (x, value);
        }
        return bestValue >= 8 ? best / (double)histogram.Length : null;
    }

    /// <summary>
    /// Largest bend (A, bird's-eye widths per view height squared) a lane line takes: the desert's sweeping curves reach
    /// 0.15; a fit bent more has caught something else (a wet reflection, a vehicle's wheels, an arrow).
    /// </summary>
    private const double MaxCurvature = 0.3;

    private static unsafe (int Count, double SumX) Paint(byte* data, int step, int xLow, int xHigh, int yLow, int yHigh)
    {
        var count = 0;
        var sumX = 0.0;
        for (var y = yLow; y < yHigh; y++)
        {
            var row = data + y * step;
            for (var x = xLow; x < xHigh; x++)
            {
                if (row[x] == 0) continue;
                count++;
                sumX += x;
            }
        }
        return (count, sumX);
    }

    private unsafe void Collect(byte* data, int step, int xLow, int xHigh, int yLow, int yHigh, int width, int height)
    {
        for (var y = yLow; y < yHigh; y++)
        {
            var row = data + y * step;
            var v = y / (double)height;
            for (var x = xLow; x < xHigh; x++)
                if (row[x] != 0) _sums.Add(x / (double)width, v);
        }
    }

    /// <summary>Searches from a base column, or along <paramref name="prior"/> when one is given.</summary>
    /// <param name="curvature">The curvature (A) a short stretch of paint is held to, else the prior's (or none).</param>
    public unsafe LineFit? Find(Mat mask, double? baseU, LanePolynomial? prior, double? curvature = null)
    {
        if (baseU is null && prior is null) return null;
        var width = mask.Width;
        var height = mask.Height;
        var data = (byte*)mask.Data;
        var step = (int)mask.Step();
        var windows = options.Windows;
        var windowHeight = height / windows;
        var margin = Math.Max(3, (int)(options.WindowMarginFraction * width * (prior is null ? 1.0 : 0.8)));
        _sums.Reset();
        var centre = prior is { } p0 ? p0.At(1) * width : baseU!.Value * width;
        var drift = 0.0;
        var hit = 0;
        var hitPixels = 0;
        var striped = 0;
        for (var w = 0; w < windows; w++)
        {
            var yHigh = height - w * windowHeight;
            var yLow = yHigh - windowHeight;
            if (prior is { } p) centre = p.At((yLow + yHigh) / 2.0 / height) * width;
            var xLow = Math.Max(0, (int)(centre - margin));
            var xHigh = Math.Min(width, (int)(centre + margin));
            var (count, sumX) = Paint(data, step, xLow, xHigh, yLow, yHigh);
            if (count >= options.MinWindowPixels)
            {
                Collect(data, step, xLow, xHigh, yLow, yHigh, width, height);
                // A line stands alone: paint in the windows on both sides of it too is a crossing's stripes.
                var left = Paint(data, step, Math.Max(0, xLow - 2 * margin), xLow, yLow, yHigh).Count;
                var right = Paint(data, step, xHigh, Math.Min(width, xHigh + 2 * margin), yLow, yHigh).Count;
                if (Math.Min(left, right) >= count / 2) striped++;
                hit++;
                hitPixels += count;
                var found = sumX / count;
                if (prior is null)
                {
                    drift = w == 0 ? 0 : 0.5 * drift + 0.5 * (found - centre);
                    centre = found;
                }
            }
            else if (prior is null) centre += drift;
        }
        if (hit > 0 && striped * 2 >= hit) return null;
        var coverage = hit / (double)windows;
        var span = _sums.Count > 0 ? _sums.MaxV - _sums.MinV : 0;
        var pull = span >= 0.6 ? 0.002 : span >= 0.35 ? 0.05 : 1.0;
        var solved = _sums.Solve(curvature ?? prior?.A ?? 0, pull);
        if (solved is not { } fit || Math.Abs(fit.Fit.A) > MaxCurvature) return null;
        var residualPixels = fit.RmsResidual * width;
        // Paint is a thin stripe: a window mostly full of "paint" is a crossing, a shadow edge or glare, not a line.
        var fill = hit == 0 ? 0 : hitPixels / (double)(hit * windowHeight * 2 * margin);
        // Along a known line a dash in two windows is enough (a dashed line at night: one lit dash in view).
        var confidence = Math.Min(1, coverage / (prior is null ? 0.35 : 0.2))
                         * Math.Clamp(1.3 - 1.5 * residualPixels / margin, 0, 1)
                         * Math.Clamp((0.6 - fill) / 0.3, 0, 1);
        return new LineFit(fit.Fit, coverage, fit.RmsResidual, confidence);
    }
}
