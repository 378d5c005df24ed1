using Microsoft.ML.OnnxRuntime;
using OpenCvSharp;

namespace Adas.Perception.Driver.Vision;

/// <summary>
/// PFLD 68-point landmarks: the face box cropped exactly (non-square), stretched to 112x112, RGB / 255, NCHW;
/// output 68 (x, y) pairs as fractions of the crop.
/// </summary>
public sealed class PfldLandmarker : IFaceLandmarker
{
    private const int InputSize = 112;
    private readonly InferenceSession _session;
    private readonly RunOptions _run = new();
    private readonly string[] _inputs;
    private readonly string[] _outputs;
    private readonly float[] _tensor = new float[3 * InputSize * InputSize];
    private readonly long[] _shape = [1, 3, InputSize, InputSize];
    private readonly Mat _crop = new();

    public PfldLandmarker(string modelPath, int threads = 1)
    {
        _session = OnnxSessions.Create(modelPath, threads);
        _inputs = [_session.InputMetadata.Keys.First()];
        _outputs = [_session.OutputMetadata.Keys.First()];
    }

    public LandmarkLayout Layout => LandmarkLayout.Pfld68;

    public Point2f[] Detect(Mat bgrFrame, Rect2f face)
    {
        var rect = FaceCrop.Round(face);
        FaceCrop.Extract(bgrFrame, rect, new Size(InputSize, InputSize), _crop);
        FaceCrop.FillRgbPlanes(_crop, _tensor, 1f / 255, 0);
        using var input = OrtValue.CreateTensorValueFromMemory(_tensor, _shape);
        using var results = _session.Run(_run, _inputs, [input], _outputs);
        var output = results[0].GetTensorDataAsSpan<float>();
        var points = new Point2f[Layout.PointCount];
        for (var i = 0; i < points.Length; i++)
            points[i] = new Point2f(rect.X + output[2 * i] * rect.Width, rect.Y + output[2 * i + 1] * rect.Height);
        return points;
    }

    public void Dispose()
    {
        _session.Dispose();
        _run.Dispose();
        _crop.Dispose();
    }
}
