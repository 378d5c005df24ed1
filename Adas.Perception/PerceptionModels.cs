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
    /// <summary>MediaPipe Face Landmarker v2 (478 points, refined eyes): the driver pipeline's default landmarks.</summary>
    public string FaceLandmarker478 { get; init; } = "";

    /// <summary>MediaPipe's iris model, read for the eyelid contour on eye crops.</summary>
    public string EyeRegion { get; init; } = "";

    /// <summary>The small eye open/closed CNN run on eye crops.</summary>
    public string EyeState { get; init; } = "";

    /// <summary>TwinLiteNet lane-line segmentation for the road pipeline's lanes (absent file: classical lanes only).</summary>
    public string LaneSegmentation { get; init; } = "";

    public static PerceptionModels FromDirectory(string modelsDirectory) => new(
        Path.Combine(modelsDirectory, "yolox_nano.onnx"),
        Path.Combine(modelsDirectory, "coco.names"),
        Path.Combine(modelsDirectory, "gtsrb_cnn_30x30.onnx"),
        Path.Combine(modelsDirectory, "face_detection_yunet.onnx"),
        Path.Combine(modelsDirectory, "landmarks_68_pfld.onnx"),
        Path.Combine(modelsDirectory, "mediapipe_face_landmark.onnx"))
    {
        FaceLandmarker478 = Path.Combine(modelsDirectory, "face_landmarks_478.onnx"),
        EyeRegion = Path.Combine(modelsDirectory, "iris_landmarks.onnx"),
        EyeState = Path.Combine(modelsDirectory, "eye_state_cnn.onnx"),
        LaneSegmentation = Path.Combine(modelsDirectory, "twinlitenet_lanes.onnx"),
    };
}
