using OpenCvSharp;

namespace Adas.Perception.Road.Camera;

/// <summary>
/// A rough ego speed from the road itself: the near strip of the bird's-eye view (metric and parallel to the
/// road) slides down by speed × dt between frames; phase correlation measures that shift. Column means are removed
/// first, so solid lines and road edges (the same at every row) cannot vote for "standing still"; only a clear
/// answer counts (strong correlation peak), otherwise the speed stays unknown. Smoothed over about a second. A
/// vehicle standing on the strip moves with us and would read as a still road, so its columns are blanked (whole
/// columns: like solid lines they carry no vertical shift); with too little road left the frame is not measured.
/// </summary>
public sealed class EgoMotionEstimator : IDisposable
{
    /// <summary>With more of the strip hidden than this, what is left is too little road to measure on.</summary>
    public const double MaxHiddenShare = 0.6;

    /// <summary>The share of the bird's-eye height, from its near edge, that the speed is measured on.</summary>
    public const double StripFraction = 1.0 / 3;

    private const double MinResponse = 0.7;
    private const double TimeConstant = 0.8;
    private readonly Mat _current = new();
    private readonly Mat _previous = new();
    private readonly Mat _columnMean = new();
    private readonly Mat _columnMeanRows = new();
    private Mat? _window;
    private double _lastTime = double.NaN;
    private double _evidence;

    /// <summary>Smoothed forward speed in m/s, or null while unknown.</summary>
    public double? SpeedMetersPerSecond { get; private set; }

    /// <param name="birdLightness">8-bit bird's-eye image, rows linear in ground distance.</param>
    /// <param name="metresPerRow">Ground distance covered by one bird's-eye row.</param>
    /// <param name="hidden">Spans of the strip's width (0-1) hidden by vehicles standing on it.</param>
    public void Update(Mat birdLightness, double metresPerRow, double time, IReadOnlyList<(double Left, double Right)>? hidden = null)
    {
        var stripHeight = (int)(birdLightness.Height * StripFraction);
        using (var strip = new Mat(birdLightness, new Rect(0, birdLightness.Height - stripHeight, birdLightness.Width, stripHeight)))
            strip.ConvertTo(_current, MatType.CV_32F);
        Cv2.Reduce(_current, _columnMean, ReduceDimension.Row, ReduceTypes.Avg, MatType.CV_32F);
        Cv2.Repeat(_columnMean, stripHeight, 1, _columnMeanRows);
        Cv2.Subtract(_current, _columnMeanRows, _current);
        var roadVisible = BlankHidden(hidden ?? []);
        _window ??= CreateWindow(_current.Size());
        var dt = time - _lastTime;
        if (roadVisible && !double.IsNaN(_lastTime) && dt > 0 && dt < 0.5 && _previous.Size() == _current.Size())
        {
            var shift = Cv2.PhaseCorrelate(_previous, _current, _window, out var response);
            if (response >= MinResponse && Math.Abs(shift.X) < 0.1 * _current.Width)
            {
                var speed = Math.Max(0, shift.Y) * metresPerRow / dt;
                var alpha = 1 - Math.Exp(-dt / TimeConstant);
                _evidence += dt;
                SpeedMetersPerSecond = SpeedMetersPerSecond is { } s ? s + alpha * (speed - s) : speed;
            }
        }
        _current.CopyTo(_previous);
        _lastTime = time;
    }

    /// <summary>The smoothed speed once it rests on enough clear measurements, else null.</summary>
    public double? KnownSpeedMetersPerSecond => _evidence >= 0.5 ? SpeedMetersPerSecond : null;

    /// <summary>True once the road has been seen to stand still (or move slower than <paramref name="speed"/>) for a while.</summary>
    public bool IsKnownSlowerThan(double speed) => _evidence >= 0.5 && SpeedMetersPerSecond < speed;

    /// <summary>Zeroes the hidden columns; false when more than <see cref="MaxHiddenShare"/> of the strip is hidden.</summary>
    private bool BlankHidden(IReadOnlyList<(double Left, double Right)> hidden)
    {
        if (hidden.Count == 0) return true;
        var width = _current.Width;
        var blanked = new bool[width];
        foreach (var (left, right) in hidden)
            for (var x = Math.Max(0, (int)(left * width)); x < Math.Min(width, (int)Math.Ceiling(right * width)); x++)
                blanked[x] = true;
        var count = 0;
        for (var x = 0; x < width; x++)
        {
            if (!blanked[x]) continue;
            var end = x;
            while (end < width && blanked[end]) end++;
            using (var run = new Mat(_current, new Rect(x, 0, end - x, _current.Height))) run.SetTo(Scalar.All(0));
            count += end - x;
            x = end;
        }
        return count <= MaxHiddenShare * width;
    }

    private static Mat CreateWindow(Size size)
    {
        var window = new Mat();
        Cv2.CreateHanningWindow(window, size, MatType.CV_32F);
        return window;
    }

    public void Dispose()
    {
        _current.Dispose();
        _previous.Dispose();
        _columnMean.Dispose();
        _columnMeanRows.Dispose();
        _window?.Dispose();
    }
}
