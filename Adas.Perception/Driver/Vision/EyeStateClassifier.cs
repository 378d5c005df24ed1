using Adas.Perception.Onnx;
using Adas.Shared.Onnx;
using OpenCvSharp;

namespace Adas.Perception.Driver.Vision;

/// <summary>
/// The small eye open/closed CNN (FaceONNX eye_blink_cnn): an eye crop resized to 34x26, grey / 255, NHWC;
/// output P(open). Sharp on closed eyes, unreliable alone on open ones; it needs a crop centred on the eye at
/// <see cref="CropWidthPerEyeWidth"/> eye widths (measured best of 1.2 / 1.5 / 2.0 on the labelled crops).
/// </summary>
public sealed class EyeStateClassifier : IDisposable
{
    public const float CropWidthPerEyeWidth = 1.5f;
    private const int Width = 34;
    private const int Height = 26;
    private readonly OnnxModel _model;
    private readonly string[] _outputs;
    private readonly InputTensor<float> _input = new(1, Height, Width, 1);
    private readonly Mat _crop = new();
    private readonly Mat _grey = new();

    public EyeStateClassifier(string modelPath)
    {
        _model = new OnnxModel(modelPath, new OnnxSessionSettings());
        _outputs = [_model.Outputs.Keys.First()];
    }

    /// <summary>P(open) for the eye between two corners (frame pixels).</summary>
    public double OpenProbability(Mat bgrFrame, Point2f cornerA, Point2f cornerB)
    {
        var width = CropWidthPerEyeWidth * (float)FaceGeometry.Distance(cornerA, cornerB);
        var height = width * Height / Width;
        var centre = new Point2f((cornerA.X + cornerB.X) / 2, (cornerA.Y + cornerB.Y) / 2);
        FaceCrop.Extract(bgrFrame, FaceCrop.Round(new Rect2f(centre.X - width / 2, centre.Y - height / 2, width, height)),
            new Size(Width, Height), _crop);
        Cv2.CvtColor(_crop, _grey, ColorConversionCodes.BGR2GRAY);
        ImageTensor.FillInterleaved(_grey, _input.Data, PixelScaling.RgbUnit);
        using var results = _model.Run(_input.Value, _outputs);
        return results[0].GetTensorDataAsSpan<float>()[0];
    }

    public void Dispose()
    {
        _model.Dispose();
        _input.Dispose();
        _crop.Dispose();
        _grey.Dispose();
    }
}
