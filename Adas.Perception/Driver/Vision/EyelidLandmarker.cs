using Adas.Perception.Onnx;
using Adas.Shared.Onnx;
using OpenCvSharp;

namespace Adas.Perception.Driver.Vision;

/// <summary>
/// MediaPipe's iris model read for its eyelid contour: a square eye crop (<see cref="CropScale"/> x the corner-to-corner
/// width around the eye centre, as MediaPipe crops it), 64x64, RGB 0..1, NCHW; the driver's right eye (image left) is
/// mirrored, the model was trained on left eyes. Output: 71 (x, y, z) in input pixels, the first 16 the eyelid contour
/// (0 and 8 the corners, 1-7 the lower lid, 9-15 the upper lid).
/// </summary>
public sealed class EyelidLandmarker : IDisposable
{
    public const int InputSize = 64;
    public const float CropScale = 2.3f;
    private const int ContourPoints = 16;
    private static readonly (int Upper, int Lower)[] Openings = [(11, 3), (12, 4), (13, 5)];
    private readonly OnnxModel _model;
    private readonly string[] _outputs;
    private readonly InputTensor<float> _input = new(1, 3, InputSize, InputSize);
    private readonly Mat _crop = new();

    public EyelidLandmarker(string modelPath, int threads = 1)
    {
        _model = new OnnxModel(modelPath, new OnnxSessionSettings { Threads = threads });
        _outputs = [_model.Outputs.Keys.First(k => k.Contains("contour", StringComparison.OrdinalIgnoreCase))];
    }

    /// <summary>Runs the model on a square region of the frame; <paramref name="mirror"/> for a right eye.</summary>
    public EyelidReading ReadSquare(Mat bgrFrame, Rect2f square, bool mirror)
    {
        var rect = FaceCrop.Round(square);
        FaceCrop.Extract(bgrFrame, rect, new Size(InputSize, InputSize), _crop);
        if (mirror) Cv2.Flip(_crop, _crop, FlipMode.Y);
        ImageTensor.FillPlanar(_crop, _input.Data, PixelScaling.RgbUnit);
        using var results = _model.Run(_input.Value, _outputs);
        var output = results[0].GetTensorDataAsSpan<float>();
        var sx = rect.Width / (float)InputSize;
        var sy = rect.Height / (float)InputSize;
        var contour = new Point2f[ContourPoints];
        for (var i = 0; i < contour.Length; i++)
        {
            var x = output[3 * i];
            contour[i] = new Point2f(rect.X + (mirror ? InputSize - x : x) * sx, rect.Y + output[3 * i + 1] * sy);
        }
        return new EyelidReading(contour, Openness(contour));
    }

    /// <summary>Mean lid-to-lid distance at the middle of the eye over the corner-to-corner width (an EAR over 3 pairs).</summary>
    public static double Openness(ReadOnlySpan<Point2f> contour)
    {
        var width = FaceGeometry.Distance(contour[0], contour[8]);
        if (width < 1e-3) return 0;
        var sum = 0.0;
        foreach (var (upper, lower) in Openings) sum += FaceGeometry.Distance(contour[upper], contour[lower]);
        return sum / Openings.Length / width;
    }

    public void Dispose()
    {
        _model.Dispose();
        _input.Dispose();
        _crop.Dispose();
    }
}
