using Microsoft.ML.OnnxRuntime;

namespace Adas.Perception.Driver.Vision;

internal static class OnnxSessions
{
    public static InferenceSession Create(string modelPath, int threads)
    {
        if (!File.Exists(modelPath)) throw new FileNotFoundException($"Model file {Path.GetFileName(modelPath)} is missing.", modelPath);
        using var options = new SessionOptions
        {
            IntraOpNumThreads = Math.Max(1, threads),
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        return new InferenceSession(modelPath, options);
    }
}
