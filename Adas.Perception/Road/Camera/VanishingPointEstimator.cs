using OpenCvSharp;

namespace Adas.Perception.Road.Camera;

/// <summary>
/// The road's vanishing point, row and column, from the picture itself, before any lane line is found: on a straight
/// road the lane lines, road edges, barrier feet and tar seams all run to it. Straight edge segments (Canny,
/// probabilistic Hough on a 320 px wide copy) that are neither flat (crossings, shadows, car bottoms) nor upright
/// (poles, car sides) each vote along their own line over the candidate rows (a cascaded Hough transform), only for
/// vanishing points above them (the road lies below its vanishing point). The votes decay over a few seconds and
/// the peak of the blurred vote map is the estimate. A few runs a second suffice once it is known: the camera does
/// not move on the car.
/// </summary>
public sealed class VanishingPointEstimator : IDisposable
{
    private const int WorkWidth = 320;
    private const int BinPixels = 2;

    /// <summary>Segments flatter or steeper than this (degrees from the horizontal) do not vote.</summary>
    private const double MinAngle = 12, MaxAngle = 80;

    private readonly VanishingPointOptions _options;
    private readonly Mat _small = new();
    private readonly Mat _grey = new();
    private readonly Mat _edges = new();
    private readonly Mat _blurred = new();
    private Mat? _votes;
    private int _workHeight;
    private double _lastRun = double.NaN;
    private double _firstRun = double.NaN;
    private double _evidence;

    public VanishingPointEstimator(VanishingPointOptions? options = null) => _options = options ?? new VanishingPointOptions();

    /// <summary>The vanishing point as fractions of the frame (column, row), or null until enough edges voted.</summary>
    public (double Column, double Row)? Estimate { get; private set; }

    /// <summary>The peak's votes over the vote map's mean: high where the edges meet at one point (a road), low where they scatter.</summary>
    public double Concentration { get; private set; }

    /// <param name="nearRowFraction">Rows below this (bonnet, dashboard) are not searched.</param>
    public void Update(Mat frame, double time, double nearRowFraction = 0.92)
    {
        // Every frame until the first estimate (the lanes wait for it) or for the first second, then a few times a second.
        if (double.IsNaN(_firstRun) || time < _firstRun) _firstRun = time;
        var eager = Estimate is null && time - _firstRun < 1;
        if (!eager && time - _lastRun < 1 / _options.RunsPerSecond && time >= _lastRun) return;
        var dt = double.IsNaN(_lastRun) || time < _lastRun ? 0 : time - _lastRun;
        _lastRun = time;
        var workHeight = Math.Max(2, (int)Math.Round(frame.Height * WorkWidth / (double)frame.Width));
        if (_votes is null || workHeight != _workHeight) Reset(workHeight);
        Cv2.Resize(frame, _small, new Size(WorkWidth, _workHeight), 0, 0, InterpolationFlags.Area);
        Cv2.CvtColor(_small, _grey, ColorConversionCodes.BGR2GRAY);
        var top = (int)(_options.MinRowFraction * _workHeight);
        var bottom = Math.Min(_workHeight, (int)(nearRowFraction * _workHeight));
        if (bottom - top < 8) return;
        using var band = new Mat(_grey, new Rect(0, top, WorkWidth, bottom - top));
        Cv2.Canny(band, _edges, _options.CannyLow, _options.CannyHigh);
        var segments = Cv2.HoughLinesP(_edges, 1, Math.PI / 180, 12, WorkWidth * 0.04, 3);
        Cv2.Multiply(_votes!, Scalar.All(dt <= 0 ? 1 : Math.Exp(-dt / _options.MemorySeconds)), _votes!);
        var added = Vote(segments, top);
        _evidence = _evidence * (dt <= 0 ? 1 : Math.Exp(-dt / _options.MemorySeconds)) + added;
        Estimate = _evidence >= _options.MinEvidence * WorkWidth && Peak() is { } peak
                   && Concentration >= _options.MinConcentration ? peak : null;
    }

    /// <summary>Forgets the votes (a scene cut: another camera or another road).</summary>
    public void Restart()
    {
        _votes?.SetTo(Scalar.All(0));
        _evidence = 0;
        _lastRun = _firstRun = double.NaN;
        Estimate = null;
    }

    private void Reset(int workHeight)
    {
        _workHeight = workHeight;
        _votes?.Dispose();
        var rows = (int)Math.Ceiling((_options.MaxRowFraction - _options.MinRowFraction) * workHeight / BinPixels) + 1;
        _votes = new Mat(rows, WorkWidth / BinPixels, MatType.CV_32FC1, Scalar.All(0));
        _evidence = 0;
    }

    private unsafe double Vote(LineSegmentPoint[] segments, int top)
    {
        var votes = _votes!;
        var rows = votes.Rows;
        var columns = votes.Cols;
        var data = (float*)votes.Data;
        var firstRow = _options.MinRowFraction * _workHeight;
        var total = 0.0;
        foreach (var s in segments)
        {
            double x1 = s.P1.X, y1 = s.P1.Y + top, x2 = s.P2.X, y2 = s.P2.Y + top;
            var dx = x2 - x1;
            var dy = y2 - y1;
            var angle = Math.Atan2(Math.Abs(dy), Math.Abs(dx)) * 180 / Math.PI;
            if (angle is < MinAngle or > MaxAngle) continue;
            var length = Math.Sqrt(dx * dx + dy * dy);
            var highest = Math.Min(y1, y2);
            var slope = dx / dy;
            total += length;
            for (var r = 0; r < rows; r++)
            {
                var y = firstRow + r * BinPixels;
                if (y > highest) break;
                var c = (int)((x1 + (y - y1) * slope) / BinPixels);
                if (c >= 0 && c < columns) data[r * columns + c] += (float)length;
            }
        }
        return total;
    }

    private (double Column, double Row)? Peak()
    {
        Cv2.GaussianBlur(_votes!, _blurred, new Size(5, 5), 0);
        Cv2.MinMaxLoc(_blurred, out _, out var max, out _, out var at);
        if (max <= 0) return null;
        Concentration = max * _blurred.Rows * _blurred.Cols / Cv2.Sum(_blurred).Val0;
        var column = (at.X + 0.5) * BinPixels / WorkWidth;
        var row = (_options.MinRowFraction * _workHeight + at.Y * BinPixels) / _workHeight;
        return (column, row);
    }

    public void Dispose()
    {
        foreach (var m in (Mat?[])[_small, _grey, _edges, _blurred, _votes]) m?.Dispose();
    }
}
