using Adas.Perception.Onnx;
using Adas.Shared.Onnx;
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
    private static readonly string[] Outputs = [LaneOutput];
    private readonly OnnxModel _model;
    private readonly InputTensor<float> _input;

    public TwinLiteLaneSegmenter(string modelPath, int intraOpThreads = 1)
    {
        _model = new OnnxModel(modelPath, new OnnxSessionSettings { Threads = intraOpThreads, DenormalsAsZero = true });
        var dims = _model.InputDimensions;
        if (dims.Length != 4 || dims[1] != 3 || !_model.Outputs.ContainsKey(LaneOutput))
            throw new NotSupportedException($"Not a TwinLiteNet model: input [{string.Join(", ", dims)}], outputs {string.Join(", ", _model.Outputs.Keys)}.");
        InputSize = new Size(dims[3] > 0 ? dims[3] : 640, dims[2] > 0 ? dims[2] : 360);
        _input = new InputTensor<float>(1, 3, InputSize.Height, InputSize.Width);
    }

    /// <summary>The model's input (and mask) size.</summary>
    public Size InputSize { get; }

    /// <summary>A frame at the model's input size (what <see cref="Segment"/> takes).</summary>
    public void Resize(Mat bgrFrame, Mat input) => Cv2.Resize(bgrFrame, input, InputSize, 0, 0, InterpolationFlags.Linear);

    /// <summary>Lane-line pixels of <paramref name="input"/> (BGR at <see cref="InputSize"/>) into <paramref name="laneMask"/> (8-bit, 255 = lane).</summary>
    public void Segment(Mat input, Mat laneMask)
    {
        ImageTensor.FillPlanar(input, _input.Data, PixelScaling.RgbUnit);
        using var outputs = _model.Run(_input.Value, Outputs);
        WriteMask(outputs[0].GetTensorDataAsSpan<float>(), laneMask);
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
        _model.Dispose();
        _input.Dispose();
    }
}
