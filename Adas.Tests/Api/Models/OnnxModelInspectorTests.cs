using Adas.Shared.Models;
using Adas.Tests.Infrastructure;

namespace Adas.Tests.Api.Models;

public sealed class OnnxModelInspectorTests
{
    [Theory]
    [InlineData("models/yolox_nano.onnx", OnnxModelTask.ObjectDetection, "yolox (80 classes)")]
    [InlineData("models/gtsrb_cnn_30x30.onnx", OnnxModelTask.SignClassification, "nhwc-30x30")]
    [InlineData("models/face_detection_yunet.onnx", OnnxModelTask.FaceDetection, "yunet")]
    [InlineData("models/landmarks_68_pfld.onnx", OnnxModelTask.FaceLandmarks, "pfld-68")]
    public void The_shipped_models_are_recognised_for_their_task(string asset, OnnxModelTask task, string layout)
    {
        var inspection = OnnxModelInspector.Inspect(TestPaths.Asset(asset), task);

        Assert.True(inspection.IsValid, inspection.Error);
        Assert.Equal(layout, inspection.Layout);
    }

    [Theory]
    [InlineData("models/yolox_nano.onnx", OnnxModelTask.SignClassification)]
    [InlineData("models/gtsrb_cnn_30x30.onnx", OnnxModelTask.ObjectDetection)]
    [InlineData("models/landmarks_68_pfld.onnx", OnnxModelTask.FaceDetection)]
    [InlineData("models/face_detection_yunet.onnx", OnnxModelTask.FaceLandmarks)]
    public void A_model_for_another_task_is_rejected_with_its_shapes(string asset, OnnxModelTask task)
    {
        var inspection = OnnxModelInspector.Inspect(TestPaths.Asset(asset), task);

        Assert.False(inspection.IsValid);
        Assert.Contains(OnnxModelInspector.Name(task), inspection.Error);
        Assert.Contains("This model has inputs", inspection.Error);
    }

    [Fact]
    public void Random_bytes_are_not_a_loadable_model()
    {
        var folder = TestPaths.NewTempDirectory("onnx");
        var file = Path.Combine(folder, "random.onnx");
        File.WriteAllBytes(file, [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 251))]);

        var inspection = OnnxModelInspector.Inspect(file, OnnxModelTask.ObjectDetection);
        Directory.Delete(folder, recursive: true);

        Assert.False(inspection.IsValid);
        Assert.StartsWith("The file is not a loadable ONNX model", inspection.Error);
    }

    [Fact]
    public void A_model_with_external_data_is_refused_before_onnx_runtime_opens_the_file_it_names()
    {
        var folder = TestPaths.NewTempDirectory("onnx");
        var secret = Path.Combine(folder, "secret.bin");
        File.WriteAllBytes(secret, new byte[4 * 43 * 4]);
        var file = Path.Combine(folder, "external.onnx");
        File.WriteAllBytes(file, TinyOnnx.Model("input", [1, 30, 30, 3], "output", [4, 43], externalData: "secret.bin"));
        var selfContained = Path.Combine(folder, "inline.onnx");
        File.WriteAllBytes(selfContained, TinyOnnx.Model("input", [1, 30, 30, 3], "output", [4, 43]));

        var inspection = OnnxModelInspector.Inspect(file, OnnxModelTask.SignClassification);
        var inline = OnnxExternalData.IsReferenced(File.ReadAllBytes(selfContained));
        Directory.Delete(folder, recursive: true);

        Assert.False(inspection.IsValid);
        Assert.Contains("external files", inspection.Error);
        Assert.False(inline);
    }
}
