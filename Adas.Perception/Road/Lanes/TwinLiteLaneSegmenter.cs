using Microsoft.ML.OnnxRuntime;
using OpenCvSharp;

namespace Adas.Perception.Road.Lanes;

/// <summary>
/// TwinLiteNet (lane-line and drivable-area segmentation, trained on BDD100K) on ONNX Runtime CPU: the frame resized
/// to the model's 640x360, RGB / 255, NCHW; the lane-line output ('ll', two logit planes) becomes a mask where the
/// lane logit beats the background one. Session, buffers and the mask are created once and reused.
/// </summary>
public sealed class TwinLiteLaneSegmenter : IDisposable
{
    private const string LaneOutput = "ll";
    private readonly InferenceSession _session;
    private readonly string _inputName;
    private readonly float[] _input;

    public TwinLiteLaneSegmenter(string modelPath, int intraOpThreads = 1)
    {
        using var options = new SessionOptions
        {
            IntraOpNumThreads = intraOpThreads,
            InterOpNumThreads = 1,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        };
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        options.AddSessionConfigEntry("session.set_denormal_as_zero", "1");
        _session = new InferenceSession(modelPath, options);
        var input = _session.InputMetadata.First();
        _inputName = input.Key;
        var dims = input.Value.Dimensions;
        if (dims.Length != 4 || dims[1] != 3 || !_session.OutputMetadata.ContainsKey(LaneOutput))
            throw new NotSupportedException($"Not a TwinLiteNet model: input [{string.Join(", ", dims)}], outputs {string.Join(", ", _session.OutputMetadata.Keys)}.");
        InputSize = new Size(dims[3] > 0 ? dims[3] : 640, dims[2] > 0 ? dims[2] : 360);
        _input = new float[3 * InputSize.Width * InputSize.Height];
    }

    /// <summary>The model's input (and mask) size.</summary>
    public Size InputSize { get; }

    /// <summary>A frame at the model's input size (what <see cref="Segment"/> takes).</summary>
    public void Resize(Mat bgrFrame, Mat input) => Cv2.Resize(bgrFrame, input, InputSize, 0, 0, InterpolationFlags.Linear);

    /// <summary>Lane-line pixels of <paramref name="input"/> (BGR at <see cref="InputSize"/>) into <paramref name="laneMask"/> (8-bit, 255 = lane).</summary>
    public void Segment(Mat input, Mat laneMask)
    {
        Fill(input);
        using var value = OrtValue.CreateTensorValueFromMemory(_input, [1, 3, InputSize.Height, InputSize.Width]);
        using var runOptions = new RunOptions();
        using var outputs = _session.Run(runOptions, [_inputName], [value], [LaneOutput]);
        WriteMask(outputs[0].GetTensorDataAsSpan<float>(), laneMask);
    }

    private unsafe void Fill(Mat input)
    {
        var plane = InputSize.Width * InputSize.Height;
        const float scale = 1f / 255f;
        fixed (float* dst = _input)
        {
            for (var y = 0; y < InputSize.Height; y++)
            {
                var src = (byte*)input.Ptr(y);
                var row = y * InputSize.Width;
                for (var x = 0; x < InputSize.Width; x++)
                {
                    var p = src + 3 * x;
                    dst[row + x] = p[2] * scale;
                    dst[plane + row + x] = p[1] * scale;
                    dst[2 * plane + row + x] = p[0] * scale;
                }
            }
        }
    }

    private unsafe void WriteMask(ReadOnlySpan<float> logits, Mat laneMask)
    {
        laneMask.Create(InputSize, MatType.CV_8UC1);
        var plane = InputSize.Width * InputSize.Height;
        for (var y = 0; y < InputSize.Height; y++)
        {
            var dst = (byte*)laneMask.Ptr(y);
            var row = y * InputSize.Width;
            for (var x = 0; x < InputSize.Width; x++)
                dst[x] = logits[plane + row + x] > logits[row + x] ? (byte)255 : (byte)0;
        }
    }

    public void Dispose()
    {
        _session.Dispose();
    }
}
