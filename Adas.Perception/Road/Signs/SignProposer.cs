using OpenCvSharp;

namespace Adas.Perception.Road.Signs;

/// <summary>
/// Candidate traffic signs by colour and shape: a red HSV mask of the upper part of the frame (downscaled),
/// closed, its outer contours kept when roughly square, compact (circle, octagon) or triangular, and sized like a sign.
/// </summary>
public sealed class SignProposer(SignOptions options) : IDisposable
{
    private readonly Mat _small = new();
    private readonly Mat _hsv = new();
    private readonly Mat _redLow = new();
    private readonly Mat _redHigh = new();
    private readonly Mat _red = new();
    private readonly Mat _kernel = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(3, 3));

    public IReadOnlyList<Rect> Propose(Mat frame)
    {
        var roiHeight = (int)(frame.Height * options.SearchBottomFraction);
        var scale = Math.Min(1.0, options.SearchWidth / (double)frame.Width);
        using (var roi = new Mat(frame, new Rect(0, 0, frame.Width, roiHeight)))
            Cv2.Resize(roi, _small, new Size((int)(frame.Width * scale), (int)(roiHeight * scale)), 0, 0, InterpolationFlags.Linear);
        Cv2.CvtColor(_small, _hsv, ColorConversionCodes.BGR2HSV);
        Cv2.InRange(_hsv, new Scalar(0, 110, 70), new Scalar(9, 255, 255), _redLow);
        Cv2.InRange(_hsv, new Scalar(168, 110, 70), new Scalar(180, 255, 255), _redHigh);
        Cv2.BitwiseOr(_redLow, _redHigh, _red);
        Cv2.MorphologyEx(_red, _red, MorphTypes.Close, _kernel);
        Cv2.FindContours(_red, out var contours, out _, RetrievalModes.External, ContourApproximationModes.ApproxSimple);

        var proposals = new List<(Rect Box, double Area)>();
        var minSide = options.MinSignPixels * scale;
        var maxSide = frame.Height * options.MaxSignHeightFraction * scale;
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
            var corners = Cv2.ApproxPolyDP(contour, 0.06 * perimeter, true).Length;
            if (circularity < 0.55 && corners != 3) continue;
            proposals.Add((Expand(box, scale, frame.Width, roiHeight), area));
        }
        return [.. proposals.OrderByDescending(p => p.Area).Take(options.MaxProposals).Select(p => p.Box)];
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
        foreach (var m in (Mat[])[_small, _hsv, _redLow, _redHigh, _red, _kernel]) m.Dispose();
    }
}
