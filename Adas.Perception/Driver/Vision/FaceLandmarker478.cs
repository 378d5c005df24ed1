using Adas.Perception.Onnx;
using Adas.Shared.Onnx;
using Microsoft.ML.OnnxRuntime;
using OpenCvSharp;

namespace Adas.Perception.Driver.Vision;

/// <summary>
/// MediaPipe Face Landmarker v2 (478 points: the 468-point mesh with refined eyelids and lips, plus 10 iris points):
/// a square crop of <see cref="CropScale"/> x the face box's longer side around its centre, resized to 256x256,
/// RGB 0..1, NCHW, half precision; output 478 (x, y, z) in input pixels.
/// </summary>
public sealed class FaceLandmarker478 : IFaceLandmarker
{
    public const int InputSize = 256;
    private const float CropScale = 1.5f;
    private readonly OnnxModel _model;
    private readonly string[] _outputs;
    private readonly float[] _planes = new float[3 * InputSize * InputSize];
    private readonly InputTensor<Float16> _input = new(1, 3, InputSize, InputSize);
    private readonly Mat _crop = new();

    public FaceLandmarker478(string modelPath, int threads = 1)
    {
        _model = new OnnxModel(modelPath, new OnnxSessionSettings { Threads = threads });
        _outputs = [_model.OutputWithElements(3 * 478)];
    }

    public LandmarkLayout Layout => LandmarkLayout.FaceLandmarker478;

    public Point2f[] Detect(Mat bgrFrame, Rect2f face)
    {
        var side = CropScale * Math.Max(face.Width, face.Height);
        var centre = new Point2f(face.X + face.Width / 2, face.Y + face.Height / 2);
        var rect = FaceCrop.Round(new Rect2f(centre.X - side / 2, centre.Y - side / 2, side, side));
        FaceCrop.Extract(bgrFrame, rect, new Size(InputSize, InputSize), _crop);
        ImageTensor.FillPlanar(_crop, _planes, PixelScaling.RgbUnit);
        var tensor = _input.Data;
        for (var i = 0; i < _planes.Length; i++) tensor[i] = (Float16)_planes[i];
        using var results = _model.Run(_input.Value, _outputs);
        var output = results[0].GetTensorDataAsSpan<Float16>();
        var sx = rect.Width / (float)InputSize;
        var sy = rect.Height / (float)InputSize;
        var points = new Point2f[Layout.PointCount];
        for (var i = 0; i < points.Length; i++)
            points[i] = new Point2f(rect.X + (float)output[3 * i] * sx, rect.Y + (float)output[3 * i + 1] * sy);
        return points;
    }

    public void Dispose()
    {
        _model.Dispose();
        _input.Dispose();
        _crop.Dispose();
    }
}
