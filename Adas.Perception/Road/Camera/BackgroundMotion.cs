using OpenCvSharp;

namespace Adas.Perception.Road.Camera;

/// <summary>
/// Whether the camera (the vehicle) stands, from the whole view rather than the road surface alone: corners of the
/// background (everything outside road users' boxes and the bonnet) are followed between frames with pyramidal
/// Lucas-Kanade flow on a small grey copy; when their median displacement stays under a fraction of a pixel for half
/// a second, the view does not move and the vehicle stands, even with no road visible (a busy crossing). People and
/// cars moving inside the view are left out by their boxes, and a median ignores the few corners on their edges.
/// </summary>
public sealed class BackgroundMotion : IDisposable
{
    /// <summary>Width of the grey copy: corners of buildings, poles and road marks survive, the cost stays well under a millisecond.</summary>
    private const int WorkWidth = 192;

    private const int MaxCorners = 80;
    private const int MinCorners = 12;
    private const double RimFraction = 0.05;

    /// <summary>
    /// Median background motion per 1/30 s, as a fraction of the frame width, below which the view stands: 0.1 % is
    /// 0.2 px on the grey copy, under what driving at walking pace gives the near background (several pixels).
    /// </summary>
    private const double StillFraction = 0.001;

    /// <summary>The view must be still (or moving) this long before the verdict changes: one still frame is a repeat.</summary>
    private const double SettleSeconds = 0.5;

    private readonly Mat _grey = new();
    private readonly Mat _previous = new();
    private readonly Mat _mask = new();
    private double _lastTime = double.NaN;
    private double _stillSince = double.NaN;
    private double _movingSince = double.NaN;
    private int _stillFrames;
    private int _movingFrames;

    /// <summary>True while the view has stood still for half a second, false while it moves, null before a verdict.</summary>
    public bool? Standing { get; private set; }

    /// <summary>Frames judged still or moving over the video: a video with no moving frame at all is a static camera.</summary>
    public (int Still, int Moving) Judged => (_stillFrames, _movingFrames);

    /// <param name="movers">Boxes of road users (frame pixels), whose own motion is not the camera's.</param>
    /// <param name="bottomFraction">The share of the frame's bottom taken by the bonnet or dashboard (moves with the camera).</param>
    /// <param name="egoMask">The learned mask of the vehicle and burned-in overlays (255), any size, or null before it is learned.</param>
    public void Update(Mat frame, double time, IEnumerable<Rect2f> movers, double bottomFraction, Mat? egoMask = null)
    {
        var scale = WorkWidth / (double)frame.Width;
        var height = Math.Max(1, (int)Math.Round(frame.Height * scale));
        using (var small = frame.Resize(new Size(WorkWidth, height), 0, 0, InterpolationFlags.Area))
            Cv2.CvtColor(small, _grey, ColorConversionCodes.BGR2GRAY);
        var motion = _previous.Empty() || _previous.Size() != _grey.Size() ? null : MedianMotion(movers, scale, bottomFraction, egoMask);
        var dt = time - _lastTime;
        _grey.CopyTo(_previous);
        _lastTime = time;
        if (motion is not { } pixels || !(dt > 0)) return;
        var still = pixels / WorkWidth / (dt * 30) < StillFraction;
        if (still) { _stillFrames++; _movingSince = double.NaN; if (double.IsNaN(_stillSince)) _stillSince = time; }
        else { _movingFrames++; _stillSince = double.NaN; if (double.IsNaN(_movingSince)) _movingSince = time; }
        if (still && time - _stillSince >= SettleSeconds) Standing = true;
        else if (!still && time - _movingSince >= SettleSeconds) Standing = false;
    }

    /// <summary>Median corner displacement (pixels of the grey copy) between the previous frame and this one, or null with too few corners.</summary>
    private double? MedianMotion(IEnumerable<Rect2f> movers, double scale, double bottomFraction, Mat? egoMask)
    {
        _mask.Create(_grey.Size(), MatType.CV_8UC1);
        _mask.SetTo(Scalar.All(0));
        // Burned-in clocks and logos sit at the rim; the learned mask finds the rest of what moves with the camera.
        var rim = (int)(_grey.Cols * RimFraction);
        Cv2.Rectangle(_mask, new Rect(rim, rim, _grey.Cols - 2 * rim, _grey.Rows - 2 * rim), Scalar.All(255), -1);
        if (egoMask is { } ego)
        {
            using var resized = ego.Resize(_grey.Size(), 0, 0, InterpolationFlags.Nearest);
            _mask.SetTo(Scalar.All(0), resized);
        }
        var bottom = (int)(_grey.Rows * (1 - bottomFraction));
        if (bottom < _grey.Rows) Cv2.Rectangle(_mask, new Rect(0, bottom, _grey.Cols, _grey.Rows - bottom), Scalar.All(0), -1);
        foreach (var box in movers)
        {
            var r = new Rect((int)(box.X * scale) - 2, (int)(box.Y * scale) - 2, (int)(box.Width * scale) + 4, (int)(box.Height * scale) + 4)
                    & new Rect(0, 0, _grey.Cols, _grey.Rows);
            if (r.Width > 0 && r.Height > 0) Cv2.Rectangle(_mask, r, Scalar.All(0), -1);
        }
        var corners = Cv2.GoodFeaturesToTrack(_previous, MaxCorners, 0.01, 4, _mask, 3, false, 0.04);
        if (corners.Length < MinCorners) return null;
        var next = new Point2f[corners.Length];
        Cv2.CalcOpticalFlowPyrLK(_previous, _grey, corners, ref next, out var status, out _, new Size(15, 15), 2);
        var moves = new List<double>(corners.Length);
        for (var i = 0; i < corners.Length; i++)
            if (status[i] == 1) moves.Add(Math.Sqrt(Math.Pow(next[i].X - corners[i].X, 2) + Math.Pow(next[i].Y - corners[i].Y, 2)));
        if (moves.Count < MinCorners) return null;
        moves.Sort();
        return moves[moves.Count / 2];
    }

    public void Dispose()
    {
        _grey.Dispose();
        _previous.Dispose();
        _mask.Dispose();
    }
}
