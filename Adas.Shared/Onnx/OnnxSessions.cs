using Microsoft.ML.OnnxRuntime;

namespace Adas.Shared.Onnx;

/// <summary>The one place ONNX Runtime session options are built (sequential execution, one inter-op thread).</summary>
public static class OnnxSessions
{
    public static InferenceSession Create(string modelPath, OnnxSessionSettings settings)
    {
        if (!File.Exists(modelPath)) throw new FileNotFoundException($"Model file {Path.GetFileName(modelPath)} is missing.", modelPath);
        using var options = Options(settings);
        return new InferenceSession(modelPath, options);
    }

    public static InferenceSession Create(byte[] model, OnnxSessionSettings settings)
    {
        using var options = Options(settings);
        return new InferenceSession(model, options);
    }

    private static SessionOptions Options(OnnxSessionSettings settings)
    {
        var options = new SessionOptions
        {
            IntraOpNumThreads = Math.Max(1, settings.Threads),
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = settings.Optimize ? GraphOptimizationLevel.ORT_ENABLE_ALL : GraphOptimizationLevel.ORT_DISABLE_ALL,
        };
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", settings.AllowSpinning ? "1" : "0");
        if (settings.DenormalsAsZero) options.AddSessionConfigEntry("session.set_denormal_as_zero", "1");
        return options;
    }
}
