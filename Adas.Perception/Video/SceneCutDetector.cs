using OpenCvSharp;

namespace Adas.Perception.Video;

/// <summary>
/// Cuts in edited footage. A cut changes the picture: the mean absolute change of 32x18 grey thumbnails of consecutive
/// frames (0-255) reaches <paramref name="minPictureChange"/>. With <paramref name="minColourChange"/> set, its
/// colours must jump at once as well (Bhattacharyya distance of 16x8-bin hue-saturation histograms of a 64x36
/// thumbnail): driving changes the picture gradually even at speed or at point-blank range and keeps the scene's
/// colours, so the road pipeline needs both; a cabin camera changes little, so the grey change alone is enough there.
/// </summary>
public sealed class SceneCutDetector(double minPictureChange, double? minColourChange = null) : IDisposable
{
    private static readonly Size Grey = new(32, 18);
    private static readonly Size Colour = new(64, 36);
    private readonly Mat _small = new();
    private readonly Mat _hsv = new();
    private Mat _grey = new();
    private Mat _previousGrey = new();
    private Mat _histogram = new();
    private Mat _previousHistogram = new();
    private bool _hasPrevious;

    public bool IsCut(Mat bgr)
    {
        if (minColourChange is not null)
        {
            Cv2.Resize(bgr, _small, Colour, 0, 0, InterpolationFlags.Area);
            Cv2.CvtColor(_small, _hsv, ColorConversionCodes.BGR2HSV);
            Cv2.CalcHist([_hsv], [0, 1], null, _histogram, 2, [16, 8], [new Rangef(0, 180), new Rangef(0, 256)]);
            Cv2.Normalize(_histogram, _histogram, 1, 0, NormTypes.L1);
        }
        Cv2.Resize(bgr, _small, Grey, 0, 0, InterpolationFlags.Area);
        Cv2.CvtColor(_small, _grey, ColorConversionCodes.BGR2GRAY);
        var cut = _hasPrevious
                  && Cv2.Norm(_grey, _previousGrey, NormTypes.L1) / (Grey.Width * Grey.Height) >= minPictureChange
                  && (minColourChange is not { } colour
                      || Cv2.CompareHist(_histogram, _previousHistogram, HistCompMethods.Bhattacharyya) >= colour);
        (_previousGrey, _grey) = (_grey, _previousGrey);
        (_previousHistogram, _histogram) = (_histogram, _previousHistogram);
        _hasPrevious = true;
        return cut;
    }

    /// <summary>Forgets the last frame, so the next one is never a cut.</summary>
    public void Reset() => _hasPrevious = false;

    public void Dispose()
    {
        foreach (var m in (Mat[])[_small, _hsv, _grey, _previousGrey, _histogram, _previousHistogram]) m.Dispose();
    }
}
