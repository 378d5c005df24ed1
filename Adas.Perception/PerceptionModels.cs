namespace Adas.Perception;

/// <summary>Where each model file is. Defaults follow the layout of the fetched assets (.assets/models).</summary>
public sealed record PerceptionModels(
    string ObjectDetector,
    string ObjectDetectorClassNames,
    string SignClassifier,
    string FaceDetector,
    string FaceLandmarks,
    string FaceMesh)
{
    public static PerceptionModels FromDirectory(string modelsDirectory) => new(
        Path.Combine(modelsDirectory, "yolox_nano.onnx"),
        Path.Combine(modelsDirectory, "coco.names"),
        Path.Combine(modelsDirectory, "gtsrb_cnn_30x30.onnx"),
        Path.Combine(modelsDirectory, "face_detection_yunet.onnx"),
        Path.Combine(modelsDirectory, "landmarks_68_pfld.onnx"),
        Path.Combine(modelsDirectory, "mediapipe_face_landmark.onnx"));
}
