using Microsoft.ML.OnnxRuntime;
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
    private readonly InferenceSession _session;
    private readonly RunOptions _run = new();
    private readonly string[] _inputs;
    private readonly string[] _outputs;
    private readonly float[] _tensor = new float[3 * InputSize * InputSize];
    private readonly long[] _shape = [1, 3, InputSize, InputSize];
    private readonly Mat _crop = new();

    public FaceMeshLandmarker(string modelPath, int threads = 1)
    {
        _session = OnnxSessions.Create(modelPath, threads);
        _inputs = [_session.InputMetadata.Keys.First()];
        _outputs = [LandmarksOutput];
    }

    public LandmarkLayout Layout => LandmarkLayout.FaceMesh468;

    public Point2f[] Detect(Mat bgrFrame, Rect2f face)
    {
        var side = 1.2f * Math.Max(face.Width, face.Height);
        var centre = new Point2f(face.X + face.Width / 2, face.Y + face.Height / 2);
        var rect = FaceCrop.Round(new Rect2f(centre.X - side / 2, centre.Y - side / 2, side, side));
        FaceCrop.Extract(bgrFrame, rect, new Size(InputSize, InputSize), _crop);
        FaceCrop.FillRgbPlanes(_crop, _tensor, 1f / 127.5f, -1f);
        using var input = OrtValue.CreateTensorValueFromMemory(_tensor, _shape);
        using var results = _session.Run(_run, _inputs, [input], _outputs);
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
        _session.Dispose();
        _run.Dispose();
        _crop.Dispose();
    }
}
