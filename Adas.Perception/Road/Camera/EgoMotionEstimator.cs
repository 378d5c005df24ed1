using OpenCvSharp;

namespace Adas.Perception.Road.Camera;

/// <summary>
/// The ego speed from the road itself. In the bird's-eye view (metric and parallel to the road) the road slides
/// down by speed × dt between frames. Each frame is reduced to its row profile (the mean lightness of each row of
/// visible road): dash ends, seams, patches and shadows across the road make it, while solid lines and road edges
/// add the same to every row, however they drift sideways. What does not move with the road is removed from the
/// profile: its running mean over about a second (the headlight pool, raindrops and wiper streaks, reflections and
/// burned-in text). The shift between two frames' profiles is the peak of their normalised cross-correlation.
/// Vehicles standing on the road move with us and would read as a still road, so their footprint is left out; with
/// too little road left the frame is not measured. A frame whose visible road does not change at all is standing
/// still. Measurements are a median over half a second, then smoothed.
/// </summary>
public sealed class EgoMotionEstimator : IDisposable
{
    /// <summary>With more of the view hidden than this, what is left is too little road to measure on.</summary>
    public const double MaxHiddenShare = 0.6;

    /// <summary>The least visible share of the view on which an unchanging road is still read as standing.</summary>
    private const double MinStillVisibleShare = 0.15;

    /// <summary>Correlation peaks below this are no clear answer.</summary>
    private const double MinCorrelation = 0.6;

    /// <summary>Mean absolute change of the visible road (grey levels) below which nothing moves: standing still.</summary>
    private const double StillChange = 0.5;

    /// <summary>Faster than this (250 km/h) is a wrong peak, not a speed.</summary>
    private const double MaxSpeed = 70;

    /// <summary>Frames closer together than this (s) are not compared: the estimate works at up to 35 frames a second.</summary>
    private const double MinInterval = 1 / 35.0;

    private const double TimeConstant = 0.8;
    private const int MedianWindow = 15;
    private readonly Mat _intensity = new();
    private readonly Mat _previousIntensity = new();
    private readonly Mat _difference = new();
    private readonly Mat _visible = new();
    private readonly Mat _visibleFloat = new();
    private readonly Mat _masked = new();
    private readonly Mat _rowSums = new();
    private readonly Mat _rowCounts = new();
    private readonly Queue<double> _recent = new();
    /// <summary>The last frame's row profile; <c>_profile</c> is the change since then (static patterns cancel).</summary>
    private double[] _lastRows = [];
    private double[] _profile = [];
    private double[] _previous = [];
    private double _lastTime = double.NaN;
    private double _evidence;

    /// <summary>Smoothed forward speed in m/s, or null while unknown.</summary>
    public double? SpeedMetersPerSecond { get; private set; }

    /// <param name="birdLightness">8-bit bird's-eye image, rows linear in ground distance.</param>
    /// <param name="metresPerRow">Ground distance covered by one bird's-eye row.</param>
    /// <param name="hidden">Parts of the bird's-eye view (its pixels) hidden by vehicles standing on the road.</param>
    public void Update(Mat birdLightness, double metresPerRow, double time, IReadOnlyList<Rect>? hidden = null)
    {
        // Faster video is measured at about 30 frames a second: at 60 fps half the motion between frames is lost in the
        // noise of a dark road, and 30 fps shown as 60 repeats every frame (a repeat reads as a still road).
        if (time - _lastTime < MinInterval) return;
        birdLightness.ConvertTo(_intensity, MatType.CV_32F);
        var dt = time - _lastTime;
        var roadVisible = BuildVisible(hidden ?? []);
        var rows = Profile();
        _profile = new double[rows.Length];
        if (_lastRows.Length == rows.Length)
            for (var i = 0; i < rows.Length; i++) _profile[i] = rows[i] - _lastRows[i];
        if (!double.IsNaN(_lastTime) && dt > 0 && dt < 0.5 && _previous.Length == rows.Length
            && _previousIntensity.Size() == _intensity.Size()
            && (roadVisible ? Measure(metresPerRow, dt) : StandingStill()) is { } speed)
            Add(speed, dt);
        _lastRows = rows;
        (_previous, _profile) = (_profile, _previous);
        _intensity.CopyTo(_previousIntensity);
        _lastTime = time;
    }

    /// <summary>Mean of each row over its visible pixels.</summary>
    private double[] Profile()
    {
        _intensity.CopyTo(_masked);
        _visible.ConvertTo(_visibleFloat, MatType.CV_32F, 1 / 255.0);
        Cv2.Multiply(_masked, _visibleFloat, _masked);
        Cv2.Reduce(_masked, _rowSums, ReduceDimension.Column, ReduceTypes.Sum, MatType.CV_64F);
        Cv2.Reduce(_visibleFloat, _rowCounts, ReduceDimension.Column, ReduceTypes.Sum, MatType.CV_64F);
        var rows = new double[_intensity.Height];
        for (var i = 0; i < rows.Length; i++)
        {
            var count = _rowCounts.At<double>(i);
            rows[i] = count > 4 ? _rowSums.At<double>(i) / count : 0;
        }
        return rows;
    }

    /// <summary>
    /// With most of the road hidden (queueing close behind a car) no shift can be measured, but a visible rest of at
    /// least <see cref="MinStillVisibleShare"/> that does not change at all still means standing.
    /// </summary>
    private double? StandingStill()
    {
        if (Cv2.CountNonZero(_visible) < MinStillVisibleShare * _visible.Total()) return null;
        Cv2.Absdiff(_intensity, _previousIntensity, _difference);
        return Cv2.Mean(_difference, _visible).Val0 < StillChange ? 0 : null;
    }

    private double? Measure(double metresPerRow, double dt)
    {
        Cv2.Absdiff(_intensity, _previousIntensity, _difference);
        var change = Cv2.Mean(_difference, _visible).Val0;
        var maxShift = (int)Math.Min(_profile.Length / 2.0, MaxSpeed * dt / metresPerRow);
        var (shift, correlation) = BestShift(_previous, _profile, maxShift);
        if (correlation >= MinCorrelation) return Math.Max(0, shift) * metresPerRow / dt;
        return change < StillChange ? 0 : null;
    }

    /// <summary>
    /// The downward shift (rows, sub-row by a parabola through the peak) that best maps the previous profile onto
    /// the current one, and its normalised cross-correlation; from one row backwards to <paramref name="maxShift"/>.
    /// </summary>
    private static (double Shift, double Correlation) BestShift(double[] previous, double[] current, int maxShift)
    {
        var n = current.Length;
        var scores = new double[maxShift + 2];
        for (var s = -1; s <= maxShift; s++)
        {
            double sxy = 0, sxx = 0, syy = 0;
            for (var v = Math.Max(0, -s); v < n && v + s < n; v++)
            {
                var x = previous[v];
                var y = current[v + s];
                sxy += x * y;
                sxx += x * x;
                syy += y * y;
            }
            scores[s + 1] = sxx > 1e-6 && syy > 1e-6 ? sxy / Math.Sqrt(sxx * syy) : 0;
        }
        var best = 0;
        for (var i = 1; i < scores.Length; i++) if (scores[i] > scores[best]) best = i;
        var shift = (double)(best - 1);
        if (best > 0 && best < scores.Length - 1)
        {
            var (a, b, c) = (scores[best - 1], scores[best], scores[best + 1]);
            var denominator = a - 2 * b + c;
            if (Math.Abs(denominator) > 1e-9) shift += Math.Clamp(0.5 * (a - c) / denominator, -0.5, 0.5);
        }
        return (shift, scores[best]);
    }

    private void Add(double speed, double dt)
    {
        _recent.Enqueue(speed);
        if (_recent.Count > MedianWindow) _recent.Dequeue();
        var median = _recent.Order().ElementAt(_recent.Count / 2);
        var alpha = 1 - Math.Exp(-dt / TimeConstant);
        _evidence += dt;
        SpeedMetersPerSecond = SpeedMetersPerSecond is { } s ? s + alpha * (median - s) : median;
    }

    /// <summary>
    /// The bird's-eye view was rebuilt (a recalibrated camera): the last frame's rows are other ground, so the next
    /// frame starts a new pair; the speed measured so far stays.
    /// </summary>
    public void ViewChanged()
    {
        (_lastRows, _profile, _previous) = ([], [], []);
        _lastTime = double.NaN;
    }

    /// <summary>Forgets every measurement (after a scene cut): the speed is unknown until measured again.</summary>
    public void Reset()
    {
        _recent.Clear();
        (_lastRows, _profile, _previous) = ([], [], []);
        _lastTime = double.NaN;
        _evidence = 0;
        SpeedMetersPerSecond = null;
    }

    /// <summary>The smoothed speed once it rests on enough clear measurements, else null.</summary>
    public double? KnownSpeedMetersPerSecond => _evidence >= 0.5 ? SpeedMetersPerSecond : null;

    /// <summary>True once the road has been seen to stand still (or move slower than <paramref name="speed"/>) for a while.</summary>
    public bool IsKnownSlowerThan(double speed) => _evidence >= 0.5 && SpeedMetersPerSecond < speed;

    /// <summary>The visible-road mask (hidden parts zero); false when more than <see cref="MaxHiddenShare"/> is hidden.</summary>
    private bool BuildVisible(IReadOnlyList<Rect> hidden)
    {
        _visible.Create(_intensity.Size(), MatType.CV_8UC1);
        _visible.SetTo(Scalar.All(255));
        var bounds = new Rect(0, 0, _intensity.Width, _intensity.Height);
        foreach (var rect in hidden)
        {
            var part = rect & bounds;
            if (part.Width <= 0 || part.Height <= 0) continue;
            using var region = new Mat(_visible, part);
            region.SetTo(Scalar.All(0));
        }
        return Cv2.CountNonZero(_visible) >= (1 - MaxHiddenShare) * bounds.Width * bounds.Height;
    }

    public void Dispose()
    {
        foreach (var m in (Mat[])[_intensity, _previousIntensity, _difference, _visible, _visibleFloat, _masked, _rowSums, _rowCounts])
            m.Dispose();
    }
}
