namespace Adas.Perception.Detection;

/// <summary>Detector settings. Defaults follow the model manifest (score 0.30, class-agnostic NMS IoU 0.45, road classes).</summary>
public sealed record YoloxDetectorOptions
{
    public float ScoreThreshold { get; init; } = 0.30f;
    public float NmsIouThreshold { get; init; } = 0.45f;

    /// <summary>COCO class ids to keep; null keeps every class.</summary>
    public IReadOnlySet<int>? Classes { get; init; } = CocoClasses.Road;

    public int IntraOpThreads { get; init; } = 2;

    /// <summary>
    /// Whether ONNX Runtime's worker threads busy-wait between operators. Off by default: the encoder (ffmpeg)
    /// and other workers share the cores, and spinning threads take their time without speeding inference up.
    /// </summary>
    public bool AllowSpinning { get; init; }
    /// <summary>
    /// Run a YOLOX model at the frame's aspect ratio instead of a square letterbox (416x256 for a 16:9 frame: 38 %
    /// less work; the same picture pixels, only the padding rows go).
    /// </summary>
    public bool FitInputToFrame { get; init; }

    public EgoVehicleMask EgoMask { get; init; } = EgoVehicleMask.None;
}
