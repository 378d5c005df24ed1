using OpenCvSharp;

namespace Adas.Perception.Detection;

/// <summary>
/// The parts of the picture that belong to the ego vehicle or the recorder, learned per video: bonnet, dashboard,
/// handlebars, mirrors, burned-in text and logos do not change while the world slides past. On a grey thumbnail each
/// cell's spread over time (standard deviation of its grey level) is kept over the frames in which the scene changes
/// (a standing car sees an unchanging world, so it learns nothing then). After <see cref="LearnedEgoMaskOptions.LearningSeconds"/>
/// of changing scene, cells spreading much less than the picture and with structure in the averaged picture (edges,
/// strokes), closed morphologically, form the mask; only regions that can be the vehicle (touching the bottom edge, or
/// a side below mid-height) or an overlay (small, at the frame's rim) are kept. The statistics then follow the video
/// slowly (<see cref="LearnedEgoMaskOptions.RefreshSeconds"/>) and the mask is rebuilt once a second of changing scene.
/// </summary>
public sealed class LearnedEgoMask(LearnedEgoMaskOptions options) : IDisposable
{
    private readonly Mat _small = new();
    private readonly Mat _grey = new();
    private readonly Mat _previous = new();
    private readonly Mat _change = new();
    private readonly Mat _mean = new();
    private readonly Mat _meanSquare = new();
    private readonly Mat _mask = new();
    private int _learnedFrames;
    private Size _thumbnail;

    /// <summary>The mask on the thumbnail (255 = ego or overlay), once learned; null before.</summary>
    public Mat? Mask => IsReady ? _mask : null;

    public bool IsReady { get; private set; }

    /// <summary>Fraction of the frame under the mask (0 before it is learned).</summary>
    public double CoveredFraction => IsReady ? Cv2.CountNonZero(_mask) / (double)(_mask.Rows * _mask.Cols) : 0;

    /// <summary>Feeds one frame (BGR); <paramref name="fps"/> turns the option's seconds into frames.</summary>
    public void Update(Mat bgr, double fps)
    {
        if (!options.Enabled) return;
        _thumbnail = new Size(options.ThumbnailWidth, Math.Max(1, (int)Math.Round(options.ThumbnailWidth * bgr.Rows / (double)bgr.Cols)));
        Cv2.Resize(bgr, _small, _thumbnail, 0, 0, InterpolationFlags.Area);
        Cv2.CvtColor(_small, _small, ColorConversionCodes.BGR2GRAY);
        _small.ConvertTo(_grey, MatType.CV_32F);
        if (_previous.Empty() || _previous.Size() != _grey.Size())
        {
            _grey.CopyTo(_previous);
            return;
        }
        Cv2.Absdiff(_grey, _previous, _change);
        _grey.CopyTo(_previous);
        var sceneChange = Cv2.Mean(_change).Val0;
        if (sceneChange < options.MovingSceneChange) return;

        var learningFrames = Math.Max(1, options.LearningSeconds * fps);
        _learnedFrames++;
        // A plain average while learning, then an exponential one with the refresh time constant.
        var weight = _learnedFrames <= learningFrames ? 1.0 / _learnedFrames : 1 / Math.Max(1, options.RefreshSeconds * fps);
        Cv2.Multiply(_grey, _grey, _change);
        if (_learnedFrames == 1)
        {
            _grey.CopyTo(_mean);
            _change.CopyTo(_meanSquare);
        }
        else
        {
            Cv2.AddWeighted(_mean, 1 - weight, _grey, weight, 0, _mean);
            Cv2.AddWeighted(_meanSquare, 1 - weight, _change, weight, 0, _meanSquare);
        }
        var sinceLearned = _learnedFrames - (int)Math.Ceiling(learningFrames);
        if (sinceLearned >= 0 && sinceLearned % Math.Max(1, (int)Math.Round(fps)) == 0) Rebuild();
    }

    /// <summary>
    /// The top of what lies across the bottom of the view and is not road (bonnet, dashboard, a burned-in text line), as
    /// a fraction of the frame height: the highest row in the lower third whose central half is mostly under the mask;
    /// null when there is none (or nothing is learned yet).
    /// </summary>
    public double? BonnetTopFraction { get; private set; }

    /// <summary>Computed once per rebuild of the mask, not per frame.</summary>
    private double? FindBonnetTop()
    {
        var (rows, columns) = (_mask.Rows, _mask.Cols);
        using var central = new Mat(_mask, new Rect(columns / 4, 0, columns / 2, rows));
        using var coverage = new Mat();
        Cv2.Reduce(central, coverage, ReduceDimension.Column, ReduceTypes.Avg, MatType.CV_64F);
        double? top = null;
        for (var y = rows - 1; y >= rows * 2 / 3; y--)
            if (coverage.At<double>(y) >= 255 * MinBonnetCoverage) top = y / (double)rows;
        return top;
    }

    /// <summary>A row is bonnet or dashboard when the mask covers this share of the view's central half there.</summary>
    private const double MinBonnetCoverage = 0.5;

    /// <summary>Frames the mask learned from (those with a changing scene).</summary>
    public int LearnedFrames => _learnedFrames;

    private void Rebuild()
    {
        // Each cell's spread over time (standard deviation of its grey level) against the picture's mean spread.
        using var spread = new Mat();
        Cv2.Multiply(_mean, _mean, spread);
        Cv2.Subtract(_meanSquare, spread, spread);
        Cv2.Max(spread, 0, spread);
        Cv2.Sqrt(spread, spread);
        using var staticCells = new Mat();
        Cv2.Threshold(spread, staticCells, options.StaticChangeRatio * Cv2.Mean(spread).Val0, 255, ThresholdTypes.BinaryInv);
        staticCells.ConvertTo(staticCells, MatType.CV_8U);
        // Uniform road and sky barely change on a thumbnail either: what is static and has structure (text strokes,
        // the bonnet's and dashboard's edges) is the recorder's or the vehicle's.
        using var gx = new Mat();
        using var gy = new Mat();
        Cv2.Sobel(_mean, gx, MatType.CV_32F, 1, 0);
        Cv2.Sobel(_mean, gy, MatType.CV_32F, 0, 1);
        using var gradient = new Mat();
        Cv2.Magnitude(gx, gy, gradient);
        using var structured = new Mat();
        Cv2.Threshold(gradient, structured, options.MinStructureRatio * Cv2.Mean(gradient).Val0, 255, ThresholdTypes.Binary);
        structured.ConvertTo(structured, MatType.CV_8U);
        Cv2.BitwiseAnd(staticCells, structured, staticCells);
        using var kernel = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(3, 3));
        Cv2.MorphologyEx(staticCells, staticCells, MorphTypes.Close, kernel);
        using var labels = new Mat();
        using var stats = new Mat();
        using var centroids = new Mat();
        var count = Cv2.ConnectedComponentsWithStats(staticCells, labels, stats, centroids);
        _mask.Create(staticCells.Size(), MatType.CV_8U);
        _mask.SetTo(0);
        for (var label = 1; label < count; label++)
        {
            var box = new Rect(stats.At<int>(label, 0), stats.At<int>(label, 1), stats.At<int>(label, 2), stats.At<int>(label, 3));
            if (!IsEgoOrOverlay(box, stats.At<int>(label, 4), staticCells.Size())) continue;
            using var component = new Mat();
            Cv2.Compare(labels, label, component, CmpTypes.EQ);
            _mask.SetTo(255, component);
        }
        Cv2.Dilate(_mask, _mask, kernel);
        IsReady = true;
        BonnetTopFraction = FindBonnetTop();
    }

    private bool IsEgoOrOverlay(Rect box, int area, Size size)
    {
        var touchesBottom = box.Bottom >= size.Height;
        var lowSide = (box.Left <= 0 || box.Right >= size.Width) && box.Top + box.Height / 2.0 >= size.Height / 2.0;
        if (touchesBottom || lowSide) return true;
        if (area > options.OverlayMaxAreaFraction * size.Width * size.Height) return false;
        var bandX = options.OverlayBandFraction * size.Width;
        var bandY = options.OverlayBandFraction * size.Height;
        return box.Bottom <= bandY || box.Top >= size.Height - bandY || box.Right <= bandX || box.Left >= size.Width - bandX;
    }

    /// <summary>Fraction of a frame box (pixels of a frame of <paramref name="frameSize"/>) lying inside the mask.</summary>
    public double InsideFraction(Rect2f box, Size frameSize)
    {
        if (!IsReady || box.Width <= 0 || box.Height <= 0) return 0;
        var sx = _mask.Cols / (double)frameSize.Width;
        var sy = _mask.Rows / (double)frameSize.Height;
        var x0 = Math.Clamp((int)Math.Floor(box.Left * sx), 0, _mask.Cols - 1);
        var y0 = Math.Clamp((int)Math.Floor(box.Top * sy), 0, _mask.Rows - 1);
        var x1 = Math.Clamp((int)Math.Ceiling(box.Right * sx), x0 + 1, _mask.Cols);
        var y1 = Math.Clamp((int)Math.Ceiling(box.Bottom * sy), y0 + 1, _mask.Rows);
        using var cells = new Mat(_mask, new Rect(x0, y0, x1 - x0, y1 - y0));
        return Cv2.CountNonZero(cells) / (double)((x1 - x0) * (y1 - y0));
    }

    /// <summary>Drops detections lying mostly inside the mask (nothing before it is learned).</summary>
    public IReadOnlyList<Detection> Filter(IReadOnlyList<Detection> detections, Size frameSize) =>
        IsReady ? [.. detections.Where(d => InsideFraction(d.Box, frameSize) < options.MaxInsideFraction)] : detections;

    public void Dispose()
    {
        foreach (var m in (Mat[])[_small, _grey, _previous, _change, _mean, _meanSquare, _mask]) m.Dispose();
    }
}
