using Adas.Perception.Road.Camera;
using OpenCvSharp;

namespace Adas.Perception.Road.Lanes;

/// <summary>
/// Lane lines per frame: perspective warp to a bird's-eye view, paint mask, sliding-window search (along the last
/// confident line when there is one), 2nd-order fits checked against each other (lane width, parallelism),
/// temporal smoothing with per-line confidence, and the vehicle's offset from the lane centre.
/// </summary>
public sealed class LaneDetector(CameraModel camera, LaneDetectorOptions? options = null) : IDisposable
{
    /// <summary>A vanishing point this far (fraction of the frame height or width) from the one the view was built for rebuilds it.</summary>
    private const double HorizonTolerance = 0.02;

    /// <summary>A mounting height this much (relative) off the one the view was built for rebuilds it.</summary>
    private const double HeightTolerance = 0.02;

    private CameraModel _camera = camera;
    private LaneDetectorOptions _options = options ?? new LaneDetectorOptions();
    private readonly LaneMaskBuilder _masks = new();
    private readonly EgoMotionEstimator _egoMotion = new();
    private readonly SlidingWindowSearch _search = new(options ?? new LaneDetectorOptions());
    private readonly SmoothedLaneLine _left = new(options ?? new LaneDetectorOptions());
    private readonly SmoothedLaneLine _right = new(options ?? new LaneDetectorOptions());
    private double _lastTime = double.NaN;

    public LaneProjection? Projection { get; private set; }
    public LaneDetectorOptions Options => _options;
    public LaneState State { get; private set; } = LaneState.None;

    /// <summary>This frame's road-user boxes through which both tracked lane lines went on being seen (<see cref="IsSeenThrough"/>).</summary>
    public IReadOnlyList<Rect2f> SeenThrough { get; private set; } = [];

    /// <summary>Ego speed measured from the road surface sliding through the bird's-eye view.</summary>
    public EgoMotionEstimator EgoMotion => _egoMotion;

    /// <param name="vehicles">Road users' boxes in the frame: the road one stands on and hides is no paint and no ego-speed evidence.</param>
    /// <param name="modelMask">Lane-line mask of a recent frame from the segmentation model (any size, the frame's view), or null.</param>
    public LaneState Detect(Mat frame, double time, IEnumerable<Rect2f>? vehicles = null, Mat? modelMask = null)
    {
        if (Projection is null || Projection.FrameWidth != frame.Width || Projection.FrameHeight != frame.Height)
        {
            Projection?.Dispose();
            Projection = new LaneProjection(frame.Width, frame.Height, _camera, _options);
        }
        var dt = double.IsNaN(_lastTime) ? 0 : time - _lastTime;
        _lastTime = time;

        var mask = _masks.Build(frame, Projection, modelMask, _options);
        var hidden = new List<Rect>();
        var seenThrough = new List<Rect2f>();
        foreach (var box in vehicles ?? [])
        {
            if (Projection.BirdFootprint(box) is not { } footprint) continue;
            if (IsSeenThrough(mask, box)) seenThrough.Add(box);
            else hidden.Add(footprint);
        }
        SeenThrough = seenThrough;
        _egoMotion.Update(_masks.Lightness, Projection.DepthMeters / Projection.BirdSize.Height, time, hidden);
        HidePaint(mask, hidden);
        var (leftFit, rightFit) = FindLines(mask);
        (leftFit, rightFit) = CheckPair(leftFit, rightFit);
        var (leftBefore, rightBefore) = (_left.Polynomial, _right.Polynomial);
        _left.Update(leftFit, dt);
        _right.Update(rightFit, dt);
        FollowPartner(leftBefore, rightBefore);
        HandleLaneChange();
        return State = Describe();
    }

    /// <summary>
    /// Uses the camera's self-calibrated vanishing point (and mounting height) for the bird's-eye view once it differs clearly from the one in
    /// use: the view is rebuilt and the lines found so far are carried over into it (through the frame), so the lane
    /// is not lost; the ego speed keeps its history (only its scale changes).
    /// </summary>
    public void Recalibrate(CameraModel calibrated)
    {
        if (Math.Abs(calibrated.HorizonFraction - _camera.HorizonFraction) < HorizonTolerance
            && Math.Abs(calibrated.VanishingColumnFraction - _camera.VanishingColumnFraction) < HorizonTolerance
            && Math.Abs(calibrated.MountingHeightMeters / _camera.MountingHeightMeters - 1) < HeightTolerance) return;
        _camera = calibrated;
        Rebuild();
    }

    /// <summary>
    /// Ends the road patch above a bonnet or dashboard found in the view (<paramref name="nearRowFraction"/>, a fraction
    /// of the frame height): it is no road, its reflections are no paint and it does not slide with the road. The
    /// patch only ever moves up, and never above <see cref="MinNearRowFraction"/> (too little road would be left).
    /// </summary>
    public void KeepNearRowAbove(double nearRowFraction)
    {
        var near = Math.Max(nearRowFraction, MinNearRowFraction);
        if (near >= _options.NearRowFraction - NearRowTolerance) return;
        _options = _options with { NearRowFraction = near };
        Rebuild();
    }

    /// <summary>The road patch's near edge stays at least this low in the frame.</summary>
    public const double MinNearRowFraction = 0.75;

    /// <summary>A bonnet line this much (fraction of the frame height) above the patch's near edge moves the edge.</summary>
    private const double NearRowTolerance = 0.005;

    private void Rebuild()
    {
        var old = Projection;
        if (old is null) return;
        Projection = new LaneProjection(old.FrameWidth, old.FrameHeight, _camera, _options);
        _left.Reproject(line => Carry(line, old, Projection));
        _right.Reproject(line => Carry(line, old, Projection));
        _egoMotion.ViewChanged();
        old.Dispose();
    }

    private static LanePolynomial? Carry(LanePolynomial line, LaneProjection from, LaneProjection to)
    {
        var sums = new PolynomialFitSums();
        foreach (var point in from.LineToFrame(line, 8))
        {
            var (u, v) = to.FrameToBird(point.X, point.Y);
            if (v is >= -0.2 and <= 1.2) sums.Add(u, v);
        }
        return sums.Solve()?.Fit;
    }

    /// <summary>Forgets both lines and the ego speed (after a scene cut): the new scene's lane is searched afresh.</summary>
    public void Restart()
    {
        _left.Clear();
        _right.Clear();
        _egoMotion.Reset();
        _lastTime = double.NaN;
        State = LaneState.None;
    }

    /// <summary>Whether a frame point on the road lies between the two lane lines (null when the lane is not known).</summary>
    public bool? IsInsideLane(double x, double y, double marginFraction = 0)
    {
        if (Projection is null || !State.BothConfident) return null;
        var (u, v) = Projection.FrameToBird(x, y);
        v = Math.Clamp(v, -1.5, 1.2);
        var left = State.Left!.Polynomial.At(v);
        var right = State.Right!.Polynomial.At(v);
        var margin = (right - left) * marginFraction;
        return u >= left - margin && u <= right + margin;
    }

    /// <summary>
    /// Whether both tracked lane lines go on being seen where a road user's box covers them in the frame: a vehicle is
    /// opaque, so paint along the lines inside its box means the box is the detector's picture of the road itself
    /// (YOLOX-nano reads a whole empty desert road as a car 2 m ahead, scores up to 0.66, an overpass as a bus). Lines
    /// passing beside a vehicle are not inside its box and do not count.
    /// </summary>
    private bool IsSeenThrough(Mat mask, Rect2f box)
    {
        // Only a box reaching below the road patch's near edge claims to stand right in front of us, over the nearest,
        // clearest paint; further off, a vehicle's lights and plate can lie where the lines run behind it.
        if (!_left.IsConfident || !_right.IsConfident || box.Bottom < Projection!.NearRow) return false;
        var (rows, columns) = (mask.Rows, mask.Cols);
        var (covered, painted) = (0, 0);
        foreach (var line in (LanePolynomial[])[_left.Polynomial!.Value, _right.Polynomial!.Value])
        {
            for (var v = 0; v < rows; v++)
            {
                var birdU = line.At((v + 0.5) / rows);
                var (x, y) = Projection.BirdToFramePoint(birdU, (v + 0.5) / rows);
                if (x < box.Left || x > box.Right || y < box.Top || y > box.Bottom) continue;
                var u = (int)Math.Round(birdU * columns);
                if (u < 0 || u >= columns) continue;
                covered++;
                for (var c = Math.Max(0, u - SeeThroughReach); c <= Math.Min(columns - 1, u + SeeThroughReach); c++)
                    if (mask.At<byte>(v, c) > 0)
                    {
                        painted++;
                        break;
                    }
            }
        }
        return covered >= MinSeeThroughCover * 2 * rows && painted >= MinSeeThroughPaint * covered;
    }

    /// <summary>A box over at least this share of both lines' rows in the view claims to hide them.</summary>
    private const double MinSeeThroughCover = 0.5;

    /// <summary>Paint found along at least this share of the hidden rows is lines seen through the box (a dashed line alone has about a quarter).</summary>
    private const double MinSeeThroughPaint = 0.3;

    /// <summary>Columns either side of a line's predicted place searched for its paint.</summary>
    private const int SeeThroughReach = 3;

    /// <summary>
    /// A road user's body, lights and wet reflection are not paint: the road it hides (from its ground contact to
    /// the far edge) is cleared, so a line is fitted to the paint before it and not bent into a truck's wheels.
    /// </summary>
    private static void HidePaint(Mat mask, List<Rect> hidden)
    {
        var all = new Rect(0, 0, mask.Width, mask.Height);
        foreach (var footprint in hidden)
        {
            var area = footprint & all;
            if (area.Width <= 0 || area.Height <= 0) continue;
            using var region = new Mat(mask, area);
            region.SetTo(Scalar.All(0));
        }
    }

    private (LineFit? Left, LineFit? Right) FindLines(Mat mask)
    {
        double? leftBase = null, rightBase = null;
        if (!_left.IsConfident || !_right.IsConfident) (leftBase, rightBase) = SlidingWindowSearch.BasePeaks(mask);
        var left = FindLine(mask, _left, leftBase);
        var right = FindLine(mask, _right, rightBase);
        // Lane lines are parallel: the one with less paint (a dashed line, one dash in view) takes the other's bend.
        if (left is not null && right is not null)
        {
            if (left.Coverage < right.Coverage) left = FindLine(mask, _left, leftBase, right.Polynomial.A) ?? left;
            else if (right.Coverage < left.Coverage) right = FindLine(mask, _right, rightBase, left.Polynomial.A) ?? right;
        }
        return (left, right);
    }

    private LineFit? FindLine(Mat mask, SmoothedLaneLine line, double? baseU, double? curvature = null) =>
        (line.IsConfident ? _search.Find(mask, null, line.Polynomial, curvature) : null)
        ?? _search.Find(mask, baseU, null, curvature);

    private (LineFit? Left, LineFit? Right) CheckPair(LineFit? left, LineFit? right)
    {
        if (left is not null && left.Polynomial.At(1) > 0.6) left = null;
        if (right is not null && right.Polynomial.At(1) < 0.4) right = null;
        if (left is null || right is null) return (left, right);
        var expected = _options.NominalLaneWidthMeters / Projection!.NearWidthMeters;
        var near = right.Polynomial.At(1) - left.Polynomial.At(1);
        var plausible = near > 0.55 * expected && near < 1.8 * expected && Parallel(left.Polynomial, right.Polynomial, near);
        if (plausible) return (left, right);
        var leftJump = _left.Polynomial is { } l ? l.Distance(left.Polynomial) : double.MaxValue;
        var rightJump = _right.Polynomial is { } r ? r.Distance(right.Polynomial) : double.MaxValue;
        if (leftJump == double.MaxValue && rightJump == double.MaxValue)
            return left.Confidence >= right.Confidence ? (left, null) : (null, right);
        return leftJump > rightJump ? (null, right) : (left, null);
    }

    /// <summary>A line held through a gap (a dash not lit at night, a car over it) moves as its seen partner does.</summary>
    private void FollowPartner(LanePolynomial? leftBefore, LanePolynomial? rightBefore)
    {
        if (_left.Seen && !_right.Seen && leftBefore is { } l && _left.Polynomial is { } lNow) _right.Follow(l, lNow);
        else if (_right.Seen && !_left.Seen && rightBefore is { } r && _right.Polynomial is { } rNow) _left.Follow(r, rNow);
    }

    /// <summary>
    /// Lane lines are parallel: on a flat road the lane keeps its width through the view (a horizon a little off makes
    /// it change linearly, by up to 40 % on the dev set), while two fits bent towards a truck's wheels or its wet
    /// reflection narrow the lane in the middle of the view.
    /// </summary>
    private static bool Parallel(LanePolynomial left, LanePolynomial right, double nearWidth)
    {
        for (var v = 0.0; v < 1; v += 0.25)
        {
            var ratio = (right.At(v) - left.At(v)) / nearWidth;
            if (ratio is < 0.65 or > 1.5) return false;
        }
        return true;
    }

    private void HandleLaneChange()
    {
        if (_left.Polynomial is { } l && l.At(1) > 0.5 && !_right.IsConfident) _right.TakeFrom(_left);
        else if (_right.Polynomial is { } r && r.At(1) < 0.5 && !_left.IsConfident) _left.TakeFrom(_right);
    }

    private LaneState Describe()
    {
        var both = _left.IsConfident && _right.IsConfident;
        if (!both) return new LaneState(_left.Line, _right.Line, false, null, null, null);
        var leftU = _left.Polynomial!.Value.At(1);
        var rightU = _right.Polynomial!.Value.At(1);
        var width = rightU - leftU;
        var offset = (0.5 - (leftU + rightU) / 2) / width;
        var widthMeters = width * Projection!.NearWidthMeters;
        var metresPerLane = widthMeters is > 2.4 and < 5.0 ? widthMeters : _options.NominalLaneWidthMeters;
        return new LaneState(_left.Line, _right.Line, true, offset, offset * metresPerLane, widthMeters);
    }

    public void Dispose()
    {
        _masks.Dispose();
        _egoMotion.Dispose();
        Projection?.Dispose();
    }
}
