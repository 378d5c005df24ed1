using Adas.Perception.Detection;
using Adas.Perception.Road.Camera;
using Adas.Perception.Road.Lanes;
using Adas.Perception.Road.Rules;
using Adas.Perception.Road.Signs;
using Adas.Perception.Road.Tracking;

namespace Adas.Perception.Road;

/// <summary>Everything configurable about the road pipeline, per camera; every default is usable as is.</summary>
public sealed record RoadOptions
{
    public CameraModel Camera { get; init; } = new();
    public EgoVehicleMask EgoMask { get; init; } = new();

    /// <summary>The ego mask learned per video on top of <see cref="EgoMask"/> (bonnet edge, dashboard, burned-in text).</summary>
    public LearnedEgoMaskOptions LearnedEgoMask { get; init; } = new();

    /// <summary>Detector score floor: low enough for ByteTrack's second (low-score) association pass.</summary>
    public float DetectorScoreThreshold { get; init; } = 0.10f;

    /// <summary>
    /// ONNX Runtime threads for the detector. One: detection already runs on a pipeline thread of its own beside
    /// decoding, the other stages and the encoder, and a second intra-op thread only waits on the busy cores.
    /// </summary>
    public int DetectorThreads { get; init; } = 1;

    /// <summary>The detector runs at the frame's aspect ratio, not a square letterbox (<see cref="YoloxDetectorOptions.FitInputToFrame"/>).</summary>
    public bool DetectorFitsFrame { get; init; } = true;

    /// <summary>
    /// Object detection runs on every n-th frame, n = the video's fps / this rounded (at least 1), and the Kalman
    /// tracker predicts the boxes in between: every 2nd frame of 25-30 fps video, every frame at 20 fps. Detection is
    /// most of the pipeline's CPU (14 of about 36 ms a frame at 960x540); at 15 Hz a box is never more than 67 ms old
    /// (the pixel TTC compares a box with its inside 0.4 s before), and the near-miss warnings of the dev set keep their timing
    /// (<c>RoadDevSetTests</c>). 0 detects every frame.
    /// </summary>
    public double DetectionsPerSecond { get; init; } = 15;
    public ByteTrackerOptions Tracker { get; init; } = new();
    public LaneDetectorOptions Lanes { get; init; } = new();
    public VanishingPointOptions VanishingPoint { get; init; } = new();
    public SignOptions Signs { get; init; } = new();
    public RoadEventOptions Events { get; init; } = new();
    public bool CaptureSnapshots { get; init; } = true;

    /// <summary>
    /// A cut in edited footage (<see cref="Video.SceneCutDetector"/>) changes the 32x18 grey thumbnail by at least this
    /// mean absolute grey level from one frame to the next. Measured: at most 14.5 in the twelve unedited dev-set clips
    /// (point-blank near misses included; 24.1 at one jump of the time-lapse expressway), 34.5 at a cut from the sunny
    /// country road to the sunny desert road. After a cut tracks, TTC, lanes, the horizon and the ego speed start again.
    /// </summary>
    public double SceneCutPictureChange { get; init; } = 20;

    /// <summary>
    /// ... and the hue-saturation histogram by at least this Bhattacharyya distance. Measured: at most 0.26 in the
    /// unedited dev-set clips (0.18 without the time-lapse jump), 0.59 at the country-to-desert cut.
    /// </summary>
    public double SceneCutColourChange { get; init; } = 0.4;
}
