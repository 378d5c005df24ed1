using OpenCvSharp;

namespace Adas.Perception.Road.Signs;

/// <summary>
/// Candidate traffic signs by colour and shape, in the upper part of the frame (downscaled): a red HSV mask (its
/// outer contours kept when roughly square, compact (circle, octagon) or triangular) and a saturated blue mask (kept
/// when round, as mandatory signs are), each closed and sized like a sign.
/// </summary>
public sealed class SignProposer(SignOptions options) : IDisposable
{
    private const double MinRedCircularity = 0.55;
    private const double MinBlueCircularity = 0.7;
    private readonly Mat _small = new();
    private readonly Mat _hsv = new();
    private readonly Mat _redLow = new();
    private readonly Mat _redHigh = new();
    private readonly Mat _red = new();
    private readonly Mat _blue = new();
    private readonly Mat _kernel = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(3, 3));

    public IReadOnlyList<SignProposal> Propose(Mat frame)
    {
        var roiHeight = (int)(frame.Height * options.SearchBottomFraction);
        var scale = Math.Min(1.0, options.SearchWidth / (double)frame.Width);
        using (var roi = new Mat(frame, new Rect(0, 0, frame.Width, roiHeight)))
            Cv2.Resize(roi, _small, new Size((int)(frame.Width * scale), (int)(roiHeight * scale)), 0, 0, InterpolationFlags.Linear);
        Cv2.CvtColor(_small, _hsv, ColorConversionCodes.BGR2HSV);
        Cv2.InRange(_hsv, new Scalar(0, 110, 70), new Scalar(9, 255, 255), _redLow);
        Cv2.InRange(_hsv, new Scalar(168, 110, 70), new Scalar(180, 255, 255), _redHigh);
        Cv2.BitwiseOr(_redLow, _redHigh, _red);
        var proposals = new List<(SignProposal Proposal, double Area)>();
        Collect(_red, SignColour.Red, MinRedCircularity, allowTriangles: true, scale, frame.Width, roiHeight, frame.Height, proposals);
        if (options.BlueProposals)
        {
            Cv2.InRange(_hsv, new Scalar(100, 140, 50), new Scalar(125, 255, 255), _blue);
            Collect(_blue, SignColour.Blue, MinBlueCircularity, allowTriangles: false, scale, frame.Width, roiHeight, frame.Height, proposals);
        }
        return [.. proposals.OrderByDescending(p => p.Area).Take(options.MaxProposals).Select(p => p.Proposal)];
    }

    private void Collect(Mat mask, SignColour colour, double minCircularity, bool allowTriangles, double scale, int width,
        int roiHeight, int frameHeight, List<(SignProposal, double)> proposals)
    {
        Cv2.MorphologyEx(mask, mask, MorphTypes.Close, _kernel);
        Cv2.FindContours(mask, out var contours, out _, RetrievalModes.External, ContourApproximationModes.ApproxSimple);
        var minSide = options.MinSignPixels * scale;
        var maxSide = frameHeight * options.MaxSignHeightFraction * scale;
        foreach (var contour in contours)
        {
            var box = Cv2.BoundingRect(contour);
            if (box.Width < minSide || box.Height < minSide || box.Width > maxSide || box.Height > maxSide) continue;
            var aspect = box.Width / (double)box.Height;
            if (aspect is < 0.65 or > 1.5) continue;
            var area = Cv2.ContourArea(contour);
            var fill = area / (box.Width * box.Height);
            if (fill < 0.4) continue;
            var perimeter = Cv2.ArcLength(contour, true);
            var circularity = 4 * Math.PI * area / (perimeter * perimeter);
            var triangle = allowTriangles && Cv2.ApproxPolyDP(contour, 0.06 * perimeter, true).Length == 3;
            if (circularity < minCircularity && !triangle) continue;
            proposals.Add((new SignProposal(Expand(box, scale, width, roiHeight), colour), area));
        }
    }

    private static Rect Expand(Rect small, double scale, int width, int height)
    {
        var pad = 0.12 * Math.Max(small.Width, small.Height);
        var x = (int)Math.Max(0, (small.X - pad) / scale);
        var y = (int)Math.Max(0, (small.Y - pad) / scale);
        var r = (int)Math.Min(width, (small.Right + pad) / scale);
        var b = (int)Math.Min(height, (small.Bottom + pad) / scale);
        return new Rect(x, y, Math.Max(1, r - x), Math.Max(1, b - y));
    }

    public void Dispose()
    {
        foreach (var m in (Mat[])[_small, _hsv, _redLow, _redHigh, _red, _blue, _kernel]) m.Dispose();
    }
}
