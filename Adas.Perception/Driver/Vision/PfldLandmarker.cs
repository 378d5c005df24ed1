using Adas.Perception.Onnx;
using Adas.Shared.Onnx;
using OpenCvSharp;

namespace Adas.Perception.Driver.Vision;

/// <summary>
/// PFLD 68-point landmarks: the face box cropped exactly (non-square), stretched to 112x112, RGB / 255, NCHW;
/// output 68 (x, y) pairs as fractions of the crop.
/// </summary>
public sealed class PfldLandmarker : IFaceLandmarker
{
    private const int InputSize = 112;
    private readonly OnnxModel _model;
    private readonly string[] _outputs;
    private readonly InputTensor<float> _input = new(1, 3, InputSize, InputSize);
    private readonly Mat _crop = new();

    public PfldLandmarker(string modelPath, int threads = 1)
    {
        _model = new OnnxModel(modelPath, new OnnxSessionSettings { Threads = threads });
        _outputs = [_model.Outputs.Keys.First()];
    }

    public LandmarkLayout Layout => LandmarkLayout.Pfld68;

    public Point2f[] Detect(Mat bgrFrame, Rect2f face)
    {
        var rect = FaceCrop.Round(face);
        FaceCrop.Extract(bgrFrame, rect, new Size(InputSize, InputSize), _crop);
        ImageTensor.FillPlanar(_crop, _input.Data, PixelScaling.RgbUnit);
        using var results = _model.Run(_input.Value, _outputs);
        var output = results[0].GetTensorDataAsSpan<float>();
        var points = new Point2f[Layout.PointCount];
        for (var i = 0; i < points.Length; i++)
            points[i] = new Point2f(rect.X + output[2 * i] * rect.Width, rect.Y + output[2 * i + 1] * rect.Height);
        return points;
    }

    public void Dispose()
    {
        _model.Dispose();
        _input.Dispose();
        _crop.Dispose();
    }
}
