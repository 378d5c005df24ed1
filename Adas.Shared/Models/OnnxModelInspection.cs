namespace Adas.Shared.Models;

/// <summary>The outcome of loading a model: its shapes, the layout recognised for the task, or why it is rejected.</summary>
public sealed record OnnxModelInspection(bool IsValid, string? Error, string InputShape, string OutputShape, string? Layout)
{
    public static OnnxModelInspection Invalid(string error, string inputShape = "", string outputShape = "") =>
        new(false, error, inputShape, outputShape, null);
}
