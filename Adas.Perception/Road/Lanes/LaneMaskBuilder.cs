using OpenCvSharp;

namespace Adas.Perception.Road.Lanes;

/// <summary>
/// Lane-paint pixels of the bird's-eye view: white (bright in HLS lightness, threshold adapted to the road's
/// brightness), yellow (HLS hue and saturation), and vertical edges (Sobel x) on bright paint. All buffers reused.
/// </summary>
public sealed class LaneMaskBuilder : IDisposable
{
    private readonly Mat _bird = new();
    private readonly Mat _hls = new();
    private readonly Mat _lightness = new();
    private readonly Mat _white = new();
    private readonly Mat _yellow = new();
    private readonly Mat _gradient = new();
    private readonly Mat _gradientAbs = new();
    private readonly Mat _bright = new();

    public Mat Mask { get; } = new();

    public Mat Build(Mat frame, LaneProjection projection)
    {
        Cv2.WarpPerspective(frame, _bird, projection.ToBird, projection.BirdSize, InterpolationFlags.Linear,
            BorderTypes.Constant, Scalar.Black);
        Cv2.CvtColor(_bird, _hls, ColorConversionCodes.BGR2HLS);
        Cv2.ExtractChannel(_hls, _lightness, 1);
        var lightness = _lightness;
        var roadLightness = Cv2.Mean(lightness, lightness).Val0;
        var whiteThreshold = Math.Clamp(roadLightness + 60, 150, 215);
        Cv2.Threshold(lightness, _white, whiteThreshold, 255, ThresholdTypes.Binary);
        Cv2.InRange(_hls, new Scalar(14, 70, 70), new Scalar(38, 255, 255), _yellow);
        Cv2.Sobel(lightness, _gradient, MatType.CV_16S, 1, 0, 3);
        Cv2.ConvertScaleAbs(_gradient, _gradientAbs);
        Cv2.Threshold(_gradientAbs, _gradientAbs, 60, 255, ThresholdTypes.Binary);
        Cv2.Threshold(lightness, _bright, Math.Clamp(roadLightness + 25, 90, 200), 255, ThresholdTypes.Binary);
        Cv2.BitwiseAnd(_gradientAbs, _bright, _gradientAbs);
        Cv2.BitwiseOr(_white, _yellow, Mask);
        Cv2.BitwiseOr(Mask, _gradientAbs, Mask);
        return Mask;
    }

    public void Dispose()
    {
        foreach (var m in (Mat[])[_bird, _hls, _lightness, _white, _yellow, _gradient, _gradientAbs, _bright, Mask]) m.Dispose();
    }
}
