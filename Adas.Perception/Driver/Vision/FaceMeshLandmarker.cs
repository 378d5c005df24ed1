using Adas.Perception.Onnx;
using Adas.Shared.Onnx;
using OpenCvSharp;

namespace Adas.Perception.Driver.Vision;

/// <summary>
/// MediaPipe FaceMesh v1 (468 points): a square crop of 1.2 x the face box's longer side around its centre,
/// resized to 192x192, RGB scaled to [-1, 1], NCHW; output 468 (x, y, z) in crop pixels.
/// </summary>
public sealed class FaceMeshLandmarker : IFaceLandmarker
{
    private const int InputSize = 192;
    private const string LandmarksOutput = "conv2d_21";
    private readonly OnnxModel _model;
    private readonly string[] _outputs;
    private readonly InputTensor<float> _input = new(1, 3, InputSize, InputSize);
    private readonly Mat _crop = new();

    public FaceMeshLandmarker(string modelPath, int threads = 1)
    {
        _model = new OnnxModel(modelPath, new OnnxSessionSettings { Threads = threads });
        _outputs = [LandmarksOutput];
    }

    public LandmarkLayout Layout => LandmarkLayout.FaceMesh468;

    public Point2f[] Detect(Mat bgrFrame, Rect2f face)
    {
        var side = 1.2f * Math.Max(face.Width, face.Height);
        var centre = new Point2f(face.X + face.Width / 2, face.Y + face.Height / 2);
        var rect = FaceCrop.Round(new Rect2f(centre.X - side / 2, centre.Y - side / 2, side, side));
        FaceCrop.Extract(bgrFrame, rect, new Size(InputSize, InputSize), _crop);
        ImageTensor.FillPlanar(_crop, _input.Data, PixelScaling.RgbSigned);
        using var results = _model.Run(_input.Value, _outputs);
        var output = results[0].GetTensorDataAsSpan<float>();
        var sx = rect.Width / (float)InputSize;
        var sy = rect.Height / (float)InputSize;
        var points = new Point2f[Layout.PointCount];
        for (var i = 0; i < points.Length; i++)
            points[i] = new Point2f(rect.X + output[3 * i] * sx, rect.Y + output[3 * i + 1] * sy);
        return points;
    }

    public void Dispose()
    {
        _model.Dispose();
        _input.Dispose();
        _crop.Dispose();
    }
}
