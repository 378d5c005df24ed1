using Adas.Perception.Onnx;
using Adas.Shared.Models;
using Adas.Shared.Onnx;
using Microsoft.ML.OnnxRuntime;
using OpenCvSharp;

namespace Adas.Perception.Road.Signs;

/// <summary>
/// The GTSRB 43-class sign classifier: each crop stretched to 30x30 (INTER_AREA), fed as RGB / 255 in NHWC,
/// softmax out. One session and input buffer, reused; crops of a frame go in one batch.
/// </summary>
public sealed class GtsrbClassifier : IDisposable
{
    public const int InputSize = RunnableModels.SignCropSize;
    private const int CropValues = InputSize * InputSize * 3;
    private readonly OnnxModel _model;
    private readonly string[] _outputNames;
    private readonly Mat _crop = new();
    private float[] _input = [];

    public GtsrbClassifier(string modelPath, int threads = 1)
    {
        _model = new OnnxModel(modelPath, new OnnxSessionSettings { Threads = threads });
        _outputNames = [_model.Outputs.Keys.First()];
    }

    /// <summary>Classifies the given regions of a BGR frame: best class and its probability for each.</summary>
    public IReadOnlyList<(int ClassId, float Probability)> Classify(Mat bgrFrame, IReadOnlyList<Rect> regions)
    {
        if (regions.Count == 0) return [];
        if (_input.Length < regions.Count * CropValues) _input = GC.AllocateArray<float>(regions.Count * CropValues, pinned: true);
        for (var i = 0; i < regions.Count; i++)
        {
            using (var roi = new Mat(bgrFrame, regions[i]))
                Cv2.Resize(roi, _crop, new Size(InputSize, InputSize), 0, 0, InterpolationFlags.Area);
            ImageTensor.FillInterleaved(_crop, _input.AsSpan(i * CropValues, CropValues), PixelScaling.RgbUnit);
        }
        using var value = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance,
            _input.AsMemory(0, regions.Count * CropValues), [regions.Count, InputSize, InputSize, 3]);
        using var outputs = _model.Run(value, _outputNames);
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
        _model.Dispose();
        _crop.Dispose();
    }
}
