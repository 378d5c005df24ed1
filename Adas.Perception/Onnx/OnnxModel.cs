using Adas.Shared.Onnx;
using Microsoft.ML.OnnxRuntime;

namespace Adas.Perception.Onnx;

/// <summary>A loaded single-input model with its run options, reused for every call.</summary>
public sealed class OnnxModel : IDisposable
{
    private readonly RunOptions _run = new();
    private readonly OrtValue[] _inputs = new OrtValue[1];
    private InferenceSession _session;
    private string[] _inputNames;

    public OnnxModel(string modelPath, OnnxSessionSettings settings)
    {
        _session = OnnxSessions.Create(modelPath, settings);
        _inputNames = [_session.InputMetadata.Keys.First()];
    }

    public string InputName => _inputNames[0];
    public int[] InputDimensions => _session.InputMetadata[InputName].Dimensions;
    public IReadOnlyDictionary<string, NodeMetadata> Outputs => _session.OutputMetadata;

    /// <summary>The output whose element count is <paramref name="elements"/> (dynamic dimensions counted as 1).</summary>
    public string OutputWithElements(long elements) =>
        Outputs.First(o => o.Value.Dimensions.Aggregate(1L, (product, d) => product * Math.Max(1, d)) == elements).Key;

    public IDisposableReadOnlyCollection<OrtValue> Run(OrtValue input, IReadOnlyCollection<string> outputNames)
    {
        _inputs[0] = input;
        return _session.Run(_run, _inputNames, _inputs, outputNames);
    }

    /// <summary>Swaps in another build of the same model (e.g. one with patched input dimensions).</summary>
    public void Replace(byte[] model, OnnxSessionSettings settings)
    {
        var session = OnnxSessions.Create(model, settings);
        _session.Dispose();
        _session = session;
        _inputNames = [_session.InputMetadata.Keys.First()];
    }

    public void Dispose()
    {
        _session.Dispose();
        _run.Dispose();
    }
}
