using Adas.Perception.Onnx;
using Adas.Shared.Onnx;
using OpenCvSharp;

namespace Adas.Perception.Detection;

/// <summary>
/// YOLOX-nano (or an Ultralytics-layout export) on ONNX Runtime CPU. The session, the letterbox image and the
/// input buffer are created once and reused for every frame. With <see cref="YoloxDetectorOptions.FitInputToFrame"/>
/// a YOLOX model runs at the frame's aspect ratio (e.g. 416x256 for 16:9 instead of a 416x416 letterbox, whose
/// padding rows cost as much as the picture): the network is fully convolutional and its decode follows the grid.
/// </summary>
public sealed class YoloxDetector : IObjectDetector
{
    private const byte PadValue = 114;
    private const int MaxStride = 32;
    private readonly OnnxModel _model;
    private readonly OnnxSessionSettings _sessionSettings;
    private readonly YoloxDetectorOptions _options;
    private readonly string _modelPath;
    private readonly string[] _outputNames;
    private readonly int _squareWidth;
    private readonly int _squareHeight;
    private int _inputWidth;
    private int _inputHeight;
    private InputTensor<float> _input;
    private Mat _letterbox;
    private Size _fittedFrame;
    private readonly Mat _resized = new();
    private readonly IReadOnlyList<string> _classNames;
    private DetectorOutputLayout? _layout;

    public YoloxDetector(string modelPath, string classNamesPath, YoloxDetectorOptions? options = null)
    {
        _options = options ?? new YoloxDetectorOptions();
        _classNames = File.Exists(classNamesPath)
            ? [.. File.ReadAllLines(classNamesPath).Select(l => l.Trim()).Where(l => l.Length > 0)]
            : [];
        _modelPath = modelPath;
        _sessionSettings = new OnnxSessionSettings { Threads = _options.IntraOpThreads, AllowSpinning = _options.AllowSpinning };
        _model = new OnnxModel(modelPath, _sessionSettings);
        var dims = _model.InputDimensions;
        if (dims.Length != 4 || dims[1] != 3)
            throw new NotSupportedException($"Detector input must be [1, 3, H, W]; got [{string.Join(", ", dims)}].");
        _inputHeight = _squareHeight = dims[2] > 0 ? dims[2] : 416;
        _inputWidth = _squareWidth = dims[3] > 0 ? dims[3] : 416;
        _outputNames = [_model.Outputs.First().Key];
        var outputDims = _model.Outputs.First().Value.Dimensions;
        if (outputDims.All(d => d > 0)) _layout = Recognise([.. outputDims.Select(d => (long)d)]);
        _input = new InputTensor<float>(1, 3, _inputHeight, _inputWidth);
        _letterbox = new Mat(_inputHeight, _inputWidth, MatType.CV_8UC3, new Scalar(PadValue, PadValue, PadValue));
        var warmUpShape = WarmUpOutputShape();
        _layout ??= Recognise(warmUpShape);
    }

    /// <summary>Runs the model once on a blank input: learns a dynamic output shape and pays the first-run cost up front.</summary>
    private long[] WarmUpOutputShape()
    {
        using var outputs = _model.Run(_input.Value, _outputNames);
        return outputs[0].GetTensorTypeAndShape().Shape;
    }

    public DetectorOutputLayout? Layout => _layout;

    /// <summary>The input size the model runs at (width, height).</summary>
    public Size InputSize => new(_inputWidth, _inputHeight);

    public IReadOnlyList<Detection> Detect(Mat bgrFrame)
    {
        if (_options.FitInputToFrame && bgrFrame.Size() != _fittedFrame) FitTo(bgrFrame.Size());
        var scale = Letterbox(bgrFrame);
        using var outputs = _model.Run(_input.Value, _outputNames);
        var output = outputs[0];
        var shape = output.GetTensorTypeAndShape().Shape;
        var layout = _layout ??= Recognise(shape);
        var parameters = new DecodeParameters(_inputWidth, _inputHeight, scale, _options.ScoreThreshold,
            _options.NmsIouThreshold, _options.Classes, _classNames);
        var detections = DetectorOutputDecoder.Decode(layout, output.GetTensorDataAsSpan<float>(), (int)shape[1],
            (int)shape[2], parameters);
        return _options.EgoMask.Filter(detections, bgrFrame.Height);
    }

    /// <summary>
    /// Shrinks the input's short side to the frame's aspect (rounded up to the largest stride), by rewriting the
    /// model's declared input and output shapes; the square input stays when that is not possible.
    /// </summary>
    private void FitTo(Size frame)
    {
        _fittedFrame = frame;
        if (_layout != DetectorOutputLayout.Yolox) return;
        var scale = Math.Min((double)_squareWidth / frame.Width, (double)_squareHeight / frame.Height);
        var width = Math.Min(_squareWidth, RoundUpToStride(frame.Width * scale));
        var height = Math.Min(_squareHeight, RoundUpToStride(frame.Height * scale));
        if (width == _inputWidth && height == _inputHeight) return;
        var anchors = new[] { 8, 16, 32 }.Sum(s => (width / s) * (height / s));
        var model = File.ReadAllBytes(_modelPath);
        if (!OnnxShapePatch.TrySetDimensions(model, input: true, _model.InputName, [null, null, height, width])
            || !OnnxShapePatch.TrySetDimensions(model, input: false, _outputNames[0], [null, anchors, null])) return;
        OnnxShapePatch.HideIntermediateShapes(model);
        _model.Replace(model, _sessionSettings);
        (_inputWidth, _inputHeight) = (width, height);
        _input.Dispose();
        _input = new InputTensor<float>(1, 3, height, width);
        _letterbox.Dispose();
        _letterbox = new Mat(height, width, MatType.CV_8UC3, new Scalar(PadValue, PadValue, PadValue));
    }

    private static int RoundUpToStride(double size) => (int)Math.Ceiling(size / MaxStride - 1e-9) * MaxStride;

    private DetectorOutputLayout Recognise(IReadOnlyList<long> shape) =>
        DetectorOutputShape.Recognise(shape, _classNames.Count > 0 ? _classNames.Count : null).Layout;

    /// <summary>Top-left letterbox into the reused input buffer: BGR 0-255 for YOLOX, RGB 0-1 for Ultralytics exports.</summary>
    private float Letterbox(Mat frame)
    {
        var scale = Math.Min((float)_inputWidth / frame.Width, (float)_inputHeight / frame.Height);
        var w = Math.Max(1, (int)Math.Round(frame.Width * scale));
        var h = Math.Max(1, (int)Math.Round(frame.Height * scale));
        Cv2.Resize(frame, _resized, new Size(w, h), 0, 0, InterpolationFlags.Linear);
        _letterbox.SetTo(new Scalar(PadValue, PadValue, PadValue));
        using (var roi = new Mat(_letterbox, new Rect(0, 0, w, h))) _resized.CopyTo(roi);

        ImageTensor.FillPlanar(_letterbox, _input.Data,
            _layout == DetectorOutputLayout.Ultralytics ? PixelScaling.RgbUnit : PixelScaling.BgrRaw);
        return scale;
    }

    public void Dispose()
    {
        _model.Dispose();
        _input.Dispose();
        _letterbox.Dispose();
        _resized.Dispose();
    }
}
