using Adas.Perception.Road.Lanes;
using OpenCvSharp;

namespace Adas.Perception.Road.Camera;

/// <summary>
/// Self-calibrates the horizon row from the lane lines: their near, nearly straight parts meet at the vanishing
/// point, whose row is the horizon of a level road. Averaged slowly; until enough evidence, the configured value holds.
/// </summary>
public sealed class HorizonEstimator(CameraModel configured, double timeConstantSeconds = 2.0, double minEvidenceSeconds = 1.0)
{
    /// <summary>How far the lanes may move the horizon from the configured row (a mounting tolerance, not a free fit).</summary>
    public const double MaxCorrection = 0.2;

    private double? _fraction;
    private double _evidence;
    private double _lastTime = double.NaN;

    public CameraModel Camera => _fraction is { } f && _evidence >= minEvidenceSeconds ? configured with { HorizonFraction = f } : configured;

    public void Update(LaneState lane, LaneProjection? projection, double time)
    {
        var dt = double.IsNaN(_lastTime) ? 0 : Math.Min(0.2, time - _lastTime);
        _lastTime = time;
        if (projection is null || !lane.BothConfident || lane.Left is null || lane.Right is null) return;
        var row = VanishingRow(projection.LineToFrame(lane.Left.Polynomial, 5), projection.LineToFrame(lane.Right.Polynomial, 5));
        if (row is not { } y) return;
        var fraction = y / projection.FrameHeight;
        if (Math.Abs(fraction - configured.HorizonFraction) > MaxCorrection) return;
        _evidence += dt;
        var alpha = _fraction is null ? 1 : 1 - Math.Exp(-dt / timeConstantSeconds);
        _fraction = _fraction is { } previous ? previous + alpha * (fraction - previous) : fraction;
    }

    /// <summary>Row where the straight lines through the two nearest samples of each line cross.</summary>
    private static double? VanishingRow(Point2f[] left, Point2f[] right)
    {
        var (l1, l2) = (left[^3], left[^1]);
        var (r1, r2) = (right[^3], right[^1]);
        var lSlope = (l2.X - l1.X) / (double)(l2.Y - l1.Y);
        var rSlope = (r2.X - r1.X) / (double)(r2.Y - r1.Y);
        if (double.IsNaN(lSlope) || double.IsNaN(rSlope) || Math.Abs(lSlope - rSlope) < 1e-3) return null;
        // x = l1.X + lSlope (y - l1.Y) = r1.X + rSlope (y - r1.Y)
        return (r1.X - l1.X + lSlope * l1.Y - rSlope * r1.Y) / (lSlope - rSlope);
    }
}
