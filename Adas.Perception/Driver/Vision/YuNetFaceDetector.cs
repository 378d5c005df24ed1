using OpenCvSharp;

namespace Adas.Perception.Driver.Vision;

/// <summary>
/// YuNet through OpenCV's FaceDetectorYN on a copy of the frame scaled so its longest side is at most
/// <c>maxSide</c> pixels (YuNet costs grow with the pixel count). Boxes come back in frame pixels.
/// </summary>
public sealed class YuNetFaceDetector(string modelPath, int maxSide = 320, float scoreThreshold = 0.8f) : IDisposable
{
    /// <summary>
    /// Smaller inputs are not searched: YuNet on them read memory out of bounds (crashes, phantom faces), and no
    /// usable face fits anyway.
    /// </summary>
    public const int MinInputSide = 64;

    private readonly Mat _small = new();
    private readonly Mat _faces = new();
    private FaceDetectorYN? _detector;
    private Size _size;

    /// <summary>The scaled copy of the last frame given to <see cref="Detect"/> (for cheap whole-frame checks).</summary>
    public Mat LastSmallFrame => _small;

    public IReadOnlyList<FaceCandidate> Detect(Mat bgr)
    {
        var scale = Math.Min(1.0, maxSide / (double)Math.Max(bgr.Width, bgr.Height));
        var size = new Size(Math.Max(1, (int)Math.Round(bgr.Width * scale)), Math.Max(1, (int)Math.Round(bgr.Height * scale)));
        if (scale < 1) Cv2.Resize(bgr, _small, size, 0, 0, InterpolationFlags.Area);
        else bgr.CopyTo(_small);
        if (Math.Min(size.Width, size.Height) < MinInputSide) return [];
        if (_detector is null || size != _size)
        {
            _detector?.Dispose();
            _detector = FaceDetectorYN.Create(modelPath, "", size, scoreThreshold, 0.3f, 50);
            _size = size;
        }
        _detector.Detect(_small, _faces);
        var rows = _faces.Empty() ? 0 : _faces.Rows;
        if (rows == 0) return [];

        var sx = bgr.Width / (double)size.Width;
        var sy = bgr.Height / (double)size.Height;
        var found = new List<FaceCandidate>(rows);
        for (var r = 0; r < rows; r++)
        {
            float At(int c) => _faces.At<float>(r, c);
            var box = new Rect2f((float)(At(0) * sx), (float)(At(1) * sy), (float)(At(2) * sx), (float)(At(3) * sy));
            var keypoints = new Point2f[5];
            for (var k = 0; k < 5; k++) keypoints[k] = new Point2f((float)(At(4 + 2 * k) * sx), (float)(At(5 + 2 * k) * sy));
            found.Add(new FaceCandidate(box, At(14), keypoints));
        }
        return found;
    }

    public void Dispose()
    {
        _detector?.Dispose();
        _small.Dispose();
        _faces.Dispose();
    }
}
