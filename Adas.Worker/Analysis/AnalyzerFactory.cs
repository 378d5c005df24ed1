using Adas.Data.Entities;
using Adas.Perception;
using Adas.Perception.Analysis;
using Adas.Perception.Detection;
using Adas.Perception.Driver;
using Adas.Perception.Road;
using Adas.Perception.Road.Camera;
using Adas.Perception.Signals;
using Adas.Shared.Rules;

namespace Adas.Worker.Analysis;

/// <summary>Builds the perception pipeline for a video type. Shared by the queue worker and the command line.</summary>
/// <param name="road">The road pipeline's settings (bound from <see cref="PerceptionSetup.RoadSection"/>); the camera is per video.</param>
/// <param name="driver">The driver pipeline's settings (bound from <see cref="PerceptionSetup.DriverSection"/>).</param>
public sealed class AnalyzerFactory(PerceptionModels models, RoadOptions? road = null, DriverOptions? driver = null)
{
    public PerceptionModels Models { get; } = models;
    private readonly RoadOptions _road = road ?? new RoadOptions();
    private readonly DriverOptions _driver = driver ?? new DriverOptions();

    /// <summary>
    /// The built-in models with each task's registry-activated version put in their place. An activated face-landmark
    /// model (a PFLD-layout file, as the registry validates them) replaces the built-in 478-point model.
    /// </summary>
    public PerceptionModels WithActive(IReadOnlyDictionary<ModelTask, string?> active) => Models with
    {
        ObjectDetector = active.GetValueOrDefault(ModelTask.ObjectDetection) ?? Models.ObjectDetector,
        SignClassifier = active.GetValueOrDefault(ModelTask.SignClassification) ?? Models.SignClassifier,
        FaceDetector = active.GetValueOrDefault(ModelTask.FaceDetection) ?? Models.FaceDetector,
        FaceLandmarks = active.GetValueOrDefault(ModelTask.FaceLandmarks) ?? Models.FaceLandmarks,
        FaceLandmarker478 = active.GetValueOrDefault(ModelTask.FaceLandmarks) is null ? Models.FaceLandmarker478 : "",
    };

    /// <param name="camera">The vehicle's camera (field of view, mounting height); the defaults when unknown.</param>
    /// <param name="signalsPath">Where the pipeline writes its per-frame signals (Parquet); null for none.</param>
    /// <param name="rules">A fleet's rule settings; null keeps the pipeline's own thresholds.</param>
    public IFrameAnalyzer? Create(VideoType type, CameraModel? camera = null, PerceptionModels? overrides = null, string? signalsPath = null,
        RuleSettings? rules = null) => type switch
    {
        VideoType.Dashcam => new RoadAnalyzer(overrides ?? Models, RoadOptionsFor(camera, rules), signalsPath: signalsPath),
        _ => CreateDriver(overrides ?? Models, signalsPath, rules),
    };

    private RoadOptions RoadOptionsFor(CameraModel? camera, RuleSettings? rules)
    {
        var options = _road with { Camera = camera ?? _road.Camera };
        return rules is null ? options : options with { Events = options.Events.Apply(rules) };
    }

    private DriverAnalyzer CreateDriver(PerceptionModels models, string? signalsPath, RuleSettings? rules)
    {
        var options = _driver with
        {
            Landmarks = string.IsNullOrEmpty(models.FaceLandmarker478) ? LandmarkModelKind.Pfld68 : _driver.Landmarks,
        };
        if (rules is not null) options = options.Apply(rules);
        var phones = new YoloxDetector(models.ObjectDetector, models.ObjectDetectorClassNames, new YoloxDetectorOptions
        {
            Classes = new HashSet<int> { options.PhoneClassId },
            ScoreThreshold = Math.Min(options.PhoneMinScore, options.PhoneNearFaceMinScore),
            IntraOpThreads = 1,
        });
        return new DriverAnalyzer(models, options, phones, signalsPath);
    }
}
