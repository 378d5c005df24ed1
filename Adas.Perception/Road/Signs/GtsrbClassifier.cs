using Microsoft.ML.OnnxRuntime;
using OpenCvSharp;

namespace Adas.Perception.Road.Signs;

/// <summary>
/// The GTSRB 43-class sign classifier: each crop stretched to 30x30 (INTER_AREA), fed as RGB / 255 in NHWC,
/// softmax out. One session, reused; crops of a frame go in one batch.
/// </summary>
public sealed class GtsrbClassifier : IDisposable
{
    public const int InputSize = 30;
    private readonly InferenceSession _session;
    private readonly string _inputName;
    private readonly string[] _outputNames;
    private readonly Mat _crop = new();

    public GtsrbClassifier(string modelPath, int threads = 1)
    {
        using var options = new SessionOptions
        {
            IntraOpNumThreads = threads,
            InterOpNumThreads = 1,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        _session = new InferenceSession(modelPath, options);
        _inputName = _session.InputMetadata.Keys.First();
        _outputNames = [_session.OutputMetadata.Keys.First()];
    }

    /// <summary>Classifies the given regions of a BGR frame: best class and its probability for each.</summary>
    public unsafe IReadOnlyList<(int ClassId, float Probability)> Classify(Mat bgrFrame, IReadOnlyList<Rect> regions)
    {
        if (regions.Count == 0) return [];
        const int pixels = InputSize * InputSize;
        var input = new float[regions.Count * pixels * 3];
        for (var i = 0; i < regions.Count; i++)
        {
            using (var roi = new Mat(bgrFrame, regions[i]))
                Cv2.Resize(roi, _crop, new Size(InputSize, InputSize), 0, 0, InterpolationFlags.Area);
            var offset = i * pixels * 3;
            var step = (int)_crop.Step();
            var data = (byte*)_crop.Data;
            for (var y = 0; y < InputSize; y++)
            for (var x = 0; x < InputSize; x++)
            {
                var p = data + y * step + 3 * x;
                var o = offset + (y * InputSize + x) * 3;
                input[o] = p[2] / 255f;
                input[o + 1] = p[1] / 255f;
                input[o + 2] = p[0] / 255f;
            }
        }
        using var value = OrtValue.CreateTensorValueFromMemory(input, [regions.Count, InputSize, InputSize, 3]);
        using var runOptions = new RunOptions();
        using var outputs = _session.Run(runOptions, [_inputName], [value], _outputNames);
        var probabilities = outputs[0].GetTensorDataAsSpan<float>();
        var classes = probabilities.Length / regions.Count;
        var result = new (int, float)[regions.Count];
        for (var i = 0; i < regions.Count; i++)
        {
            var row = probabilities.Slice(i * classes, classes);
            var best = 0;
            for (var c = 1; c < classes; c++) if (row[c] > row[best]) best = c;
            result[i] = (best, row[best]);
        }
        return result;
    }

    public void Dispose()
    {
        _session.Dispose();
        _crop.Dispose();
    }
}
