using Adas.Shared.Onnx;
using Microsoft.ML.OnnxRuntime;

namespace Adas.Shared.Models;

/// <summary>
/// Loads an ONNX file with ONNX Runtime and checks its input and output shapes against what the pipeline feeds and
/// reads for the task, and the recognised layout against what the worker runs (<see cref="RunnableModels"/>), so a wrong
/// model is refused at upload instead of failing jobs later.
/// Dynamic dimensions (-1) are accepted wherever a size is expected.
/// </summary>
public static class OnnxModelInspector
{
    public const int GtsrbClasses = 43;
    public const int PfldOutputs = 136;
    public const int FaceMeshOutputs = 1404;

    public static OnnxModelInspection Inspect(string path, OnnxModelTask task)
    {
        IReadOnlyList<(string Name, int[] Shape)> inputs, outputs;
        try
        {
            // Checked before ONNX Runtime opens anything the file names. Whole-file read: uploads are capped (512 MiB).
            if (OnnxExternalData.IsReferenced(File.ReadAllBytes(path)))
                return OnnxModelInspection.Invalid("The model keeps tensor data in external files; upload a self-contained .onnx file.");
            using var session = OnnxSessions.Create(path, OnnxSessionSettings.MetadataOnly);
            inputs = [.. session.InputMetadata.Where(m => m.Value.IsTensor).Select(m => (m.Key, m.Value.Dimensions))];
            outputs = [.. session.OutputMetadata.Where(m => m.Value.IsTensor).Select(m => (m.Key, m.Value.Dimensions))];
        }
        catch (Exception ex) when (ex is OnnxRuntimeException or InvalidOperationException or ArgumentException or IOException or InvalidDataException)
        {
            // ONNX Runtime's text names server paths and internals: the caller gets a generic reason.
            return OnnxModelInspection.Invalid("The file is not a loadable ONNX model.");
        }

        var inputShape = Describe(inputs);
        var outputShape = Describe(outputs);
        if (inputs.Count == 0 || outputs.Count == 0)
            return OnnxModelInspection.Invalid("The model has no tensor inputs or outputs.", inputShape, outputShape);

        var (layout, error) = task switch
        {
            OnnxModelTask.ObjectDetection => CheckDetector(inputs[0].Shape, outputs[0].Shape),
            OnnxModelTask.SignClassification => CheckSignClassifier(inputs[0].Shape, outputs[0].Shape),
            OnnxModelTask.FaceDetection => CheckFaceDetector(inputs[0].Shape, outputs),
            _ => CheckLandmarks(inputs[0].Shape, outputs),
        };
        if (error is not null)
            return OnnxModelInspection.Invalid($"{Name(task)} expects {error} This model has inputs {inputShape} and outputs {outputShape}.",
                inputShape, outputShape);
        if (!RunnableModels.CanRun(task, layout!))
            return OnnxModelInspection.Invalid($"The worker cannot run this {layout} model as {Name(task)}: it needs {RunnableModels.Needs(task)}. "
                + $"This model has inputs {inputShape} and outputs {outputShape}.", inputShape, outputShape);
        return new OnnxModelInspection(true, null, inputShape, outputShape, layout);
    }

    public static string Name(OnnxModelTask task) => task switch
    {
        OnnxModelTask.ObjectDetection => "object_detection",
        OnnxModelTask.SignClassification => "sign_classification",
        OnnxModelTask.FaceDetection => "face_detection",
        _ => "face_landmarks",
    };

    private static (string?, string?) CheckDetector(int[] input, int[] output)
    {
        if (!IsImageNchw(input)) return (null, "a 4-D image input [1,3,H,W].");
        if (output.Length == 3)
        {
            int anchors = output[1], values = output[2];
            if (values >= 6 && (anchors == -1 || anchors > values)) return ($"yolox ({values - 5} classes)", null);
            if (anchors >= 5 && (values == -1 || values > anchors)) return ($"ultralytics ({anchors - 4} classes)", null);
        }
        return (null, "an output [1,N,5+classes] (YOLOX) or [1,4+classes,N] (Ultralytics).");
    }

    private static (string?, string?) CheckSignClassifier(int[] input, int[] output)
    {
        var nhwc = input.Length == 4 && input[3] == 3;
        var nchw = input.Length == 4 && input[1] == 3;
        if (!nhwc && !nchw) return (null, "an image-crop input like [N,30,30,3] (or [N,3,H,W]).");
        if (output.Length != 2 || output[1] != GtsrbClasses) return (null, $"an output [N,{GtsrbClasses}] (GTSRB classes).");
        var size = nhwc ? input[1] : input[2];
        return (RunnableModels.SignLayout(nhwc ? "nhwc" : "nchw", size), null);
    }

    private static (string?, string?) CheckFaceDetector(int[] input, IReadOnlyList<(string Name, int[] Shape)> outputs)
    {
        const string expected = "a YuNet-like model: a [1,3,H,W] image input and score, box and 5-keypoint outputs (cls/obj/bbox/kps or loc/conf/iou).";
        if (!IsImageNchw(input)) return (null, expected);
        var names = outputs.Select(o => o.Name.ToLowerInvariant()).ToList();
        var hasBoxes = names.Any(n => n.Contains("bbox") || n.StartsWith("loc", StringComparison.Ordinal));
        var hasScores = names.Any(n => n.Contains("cls") || n.Contains("conf") || n.Contains("obj"));
        var hasKeypoints = names.Any(n => n.Contains("kps")) || outputs.Any(o => o.Shape.Length > 0 && o.Shape[^1] == 14);
        return hasBoxes && hasScores && hasKeypoints ? ("yunet", null) : (null, expected);
    }

    private static (string?, string?) CheckLandmarks(int[] input, IReadOnlyList<(string Name, int[] Shape)> outputs)
    {
        if (IsImageNchw(input) && input[2] == 112 && input[3] == 112 && outputs.Any(o => Elements(o.Shape) == PfldOutputs))
            return ("pfld-68", null);
        var faceMeshInput = input.Length == 4 && ((input[1] == 3 && input[2] == 192 && input[3] == 192)
            || (input[3] == 3 && input[1] == 192 && input[2] == 192));
        if (faceMeshInput && outputs.Any(o => Elements(o.Shape) == FaceMeshOutputs)) return ("facemesh-468", null);
        return (null, $"[1,3,112,112] input with a [1,{PfldOutputs}] output (PFLD 68 points), or a 192x192 input with {FaceMeshOutputs} outputs (FaceMesh).");
    }

    private static bool IsImageNchw(int[] shape) => shape.Length == 4 && shape[1] == 3;

    private static long Elements(int[] shape) => shape.Aggregate(1L, (product, d) => product * Math.Max(d, 1));

    private static string Describe(IEnumerable<(string Name, int[] Shape)> nodes) =>
        string.Join("; ", nodes.Select(n => $"{n.Name} [{string.Join(",", n.Shape.Select(d => d < 0 ? "?" : d.ToString()))}]"));

}
