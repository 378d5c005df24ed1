using OpenCvSharp;

namespace Adas.Perception.Driver.Vision;

/// <summary>
/// Finds cuts in edited footage: the mean absolute difference between 32x18 grey thumbnails of consecutive frames.
/// A real cabin camera changes gradually (head movement, passing lights move few thumbnail pixels far); a cut
/// replaces the whole picture.
/// </summary>
public sealed class SceneCutDetector(double threshold) : IDisposable
{
    private static readonly Size Thumbnail = new(32, 18);
    private readonly Mat _small = new();
    private Mat _current = new();
    private Mat _previous = new();
    private bool _hasPrevious;

    public bool IsCut(Mat bgr)
    {
        Cv2.Resize(bgr, _small, Thumbnail, 0, 0, InterpolationFlags.Area);
        Cv2.CvtColor(_small, _current, ColorConversionCodes.BGR2GRAY);
        var cut = _hasPrevious && Cv2.Norm(_current, _previous, NormTypes.L1) / (Thumbnail.Width * Thumbnail.Height) > threshold;
        (_previous, _current) = (_current, _previous);
        _hasPrevious = true;
        return cut;
    }

    public void Reset() => _hasPrevious = false;

    public void Dispose()
    {
        _small.Dispose();
        _current.Dispose();
        _previous.Dispose();
    }
}
