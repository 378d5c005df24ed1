using Adas.Perception.Road.Lanes;
using OpenCvSharp;

namespace Adas.Perception.Road.Camera;

/// <summary>
/// Self-calibrates the vanishing point (the horizon row and the column the road runs to) per video. Confident lane
/// lines give it best: their near, nearly straight parts meet there; averaged slowly. Until they have given it for
/// long enough, the picture's own estimate (<see cref="VanishingPointEstimator"/>: edges of any road-parallel
/// structure) holds, so a yawed or tilted camera gets a usable bird's-eye view before any lane line is found;
/// without either, the configured camera. The mounting height is checked against the lane widths
/// (<see cref="MountingHeightCalibration"/>).
/// </summary>
public sealed class HorizonEstimator(CameraModel configured, double timeConstantSeconds = 2.0, double minEvidenceSeconds = 1.0)
{
    /// <summary>How far the estimates may move the horizon from the configured row (a mounting tolerance, not a free fit).</summary>
    public const double MaxCorrection = 0.2;

    /// <summary>How far the vanishing point may lie from the frame centre, as a fraction of the width (a yawed mount).</summary>
    public const double MaxColumnCorrection = 0.25;

    private double? _row;
    private double _column = configured.VanishingColumnFraction;
    private double _evidence;
    private double _lastTime = double.NaN;
    private (double Column, double Row)? _picture;
    private readonly MountingHeightCalibration _height = new(configured.MountingHeightMeters);

    public CameraModel Camera
    {
        get
        {
            var camera = configured with { MountingHeightMeters = _height.HeightMeters };
            if (_row is { } row && _evidence >= minEvidenceSeconds)
                return camera with { HorizonFraction = row, VanishingColumnFraction = _column };
            if (_picture is { } p) return camera with { HorizonFraction = p.Row, VanishingColumnFraction = p.Column };
            return camera;
        }
    }

    /// <param name="picture">The picture's vanishing point estimate (fractions of the frame), if any.</param>
    public void Update(LaneState lane, LaneProjection? projection, double time, (double Column, double Row)? picture = null)
    {
        _picture = picture is { } p && Plausible(p.Column, p.Row) ? p : null;
        var dt = double.IsNaN(_lastTime) ? 0 : Math.Min(0.2, time - _lastTime);
        _lastTime = time;
        if (projection is null || !lane.BothConfident || lane.Left is null || lane.Right is null) return;
        if (lane.LaneWidthMeters is { } width) _height.Add(width, projection.CameraHeightMeters, dt);
        var point = VanishingPoint(projection.LineToFrame(lane.Left.Polynomial, 5), projection.LineToFrame(lane.Right.Polynomial, 5));
        if (point is not { } vp) return;
        var (column, row) = (vp.X / projection.FrameWidth, vp.Y / projection.FrameHeight);
        if (!Plausible(column, row)) return;
        _evidence += dt;
        var alpha = _row is null ? 1 : 1 - Math.Exp(-dt / timeConstantSeconds);
        _row = _row is { } previous ? previous + alpha * (row - previous) : row;
        _column = _column + alpha * (column - _column);
    }

    private bool Plausible(double column, double row) =>
        Math.Abs(row - configured.HorizonFraction) <= MaxCorrection && Math.Abs(column - 0.5) <= MaxColumnCorrection;

    /// <summary>Where the straight lines through the two nearest samples of each line cross.</summary>
    private static Point2d? VanishingPoint(Point2f[] left, Point2f[] right)
    {
        var (l1, l2) = (left[^3], left[^1]);
        var (r1, r2) = (right[^3], right[^1]);
        var lSlope = (l2.X - l1.X) / (double)(l2.Y - l1.Y);
        var rSlope = (r2.X - r1.X) / (double)(r2.Y - r1.Y);
        if (double.IsNaN(lSlope) || double.IsNaN(rSlope) || Math.Abs(lSlope - rSlope) < 1e-3) return null;
        // x = l1.X + lSlope (y - l1.Y) = r1.X + rSlope (y - r1.Y)
        var y = (r1.X - l1.X + lSlope * l1.Y - rSlope * r1.Y) / (lSlope - rSlope);
        return new Point2d(l1.X + lSlope * (y - l1.Y), y);
    }
}
