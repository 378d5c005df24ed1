using Adas.Perception.Analysis;
using Adas.Perception.Detection;
using Adas.Perception.Road.Camera;
using Adas.Perception.Road.Lanes;
using Adas.Perception.Road.Rendering;
using Adas.Perception.Road.Rules;
using Adas.Perception.Road.Signs;
using Adas.Perception.Road.Tracking;
using Adas.Perception.Signals;
using Adas.Perception.Video;
using OpenCvSharp;

namespace Adas.Perception.Road;

/// <summary>
/// The dashcam pipeline: detect (YOLOX), track (ByteTrack + camera-model distance and TTC), lanes, signs, event
/// rules, and the overlay. One instance per video; models are loaded once in the constructor.
/// </summary>
public sealed class RoadAnalyzer : IFrameAnalyzer
{
    public const string DetectStage = "detect";
    public const string TrackStage = "track";
    public const string LanesStage = "lanes";
    public const string SignsStage = "signs";
    public const string RenderStage = "render";

    /// <summary>Whether the whole view stands (<see cref="BackgroundMotion"/>).</summary>
    public const string BackgroundStage = "background";
    public const string SignalsFileStage = "signals_file";

    /// <summary>Handing frames to the lane model and waiting for it when it is late (its own work is on its thread).</summary>
    public const string LaneModelStage = "lane_model";

    /// <summary>A confirmed track missed by the detector stays in the scene (at its predicted box) this long.</summary>
    private const double CoastSeconds = 0.2;

    /// <summary>Pixel matching costs about 2 ms an object; the rules only need the nearest.</summary>
    private const int MaxAppearanceTtcObjects = 3;

    /// <summary>Road users this sure (the manifest's working threshold) hide the road from the ego-speed estimate.</summary>
    private const float OccluderMinScore = 0.3f;

    /// <summary>The road patch ends this far (fraction of the frame height) above a learned bonnet or dashboard.</summary>
    private const double BonnetMarginFraction = 0.01;

    private readonly RoadOptions _options;
    private readonly IObjectDetector _detector;
    private readonly GtsrbClassifier _classifier;
    private readonly ByteTracker _tracker;
    private readonly LaneDetector _lanes;
    private readonly SignRecognizer _signs;
    private readonly EgoCorridor _corridor;
    private readonly RoadEventRules _rules;
    private readonly RoadOverlayRenderer _renderer = new();
    private readonly string? _signalsPath;
    private RoadSignalWriter? _signals;
    private RoadObservation? _observation;
    private HorizonEstimator _horizon;
    private readonly VanishingPointEstimator _vanishingPoint;
    private readonly SceneCutDetector _cuts;
    private readonly List<double> _cutSeconds = [];
    private readonly AppearanceTtc _appearance = new();
    private readonly BackgroundMotion _background = new();
    private int _standingFrames;
    private LearnedEgoMask _egoMask;
    private readonly TwinLiteLaneSegmenter? _laneModel;
    private ScheduledLaneSegmentation? _laneSegmentation;
    private readonly PreparedResults<IReadOnlyList<Detection.Detection>> _preparedDetections = new();
    private IReadOnlyList<Detection.Detection> _lastDetections = [];
    private int _detectionStride = 1;
    private StageTimings _timings = new();
    private VideoInfo? _info;
    private int _frames;
    private int _laneFrames;
    private int _maxObjects;
    private int _seenThrough;
    private double _offsetSum;
    private readonly List<double> _laneWidths = [];
    private double _speedSum;
    private int _speedFrames;
    private readonly List<double?> _speedPerSecond = [];

    /// <param name="detector">Another detector to use instead of YOLOX from <paramref name="models"/>; the analyzer owns and disposes it.</param>
    /// <param name="signalsPath">Where to write the per-frame signals (Parquet), or null for none.</param>
    public RoadAnalyzer(PerceptionModels models, RoadOptions? options = null, IObjectDetector? detector = null, string? signalsPath = null)
    {
        _signalsPath = signalsPath;
        _options = options ?? new RoadOptions();
        _detector = detector ?? new YoloxDetector(models.ObjectDetector, models.ObjectDetectorClassNames, new YoloxDetectorOptions
        {
            ScoreThreshold = _options.DetectorScoreThreshold,
            IntraOpThreads = _options.DetectorThreads,
            EgoMask = _options.EgoMask,
            FitInputToFrame = _options.DetectorFitsFrame,
        });
        _classifier = new GtsrbClassifier(models.SignClassifier);
        _tracker = new ByteTracker(_options.Tracker);
        var laneOptions = _options.Lanes with
        {
            NearRowFraction = Math.Min(_options.Lanes.NearRowFraction, 1 - _options.EgoMask.BottomFraction - 0.01),
        };
        _lanes = new LaneDetector(_options.Camera, laneOptions);
        if (laneOptions.ModelRunsPerSecond > 0 && File.Exists(models.LaneSegmentation))
            _laneModel = new TwinLiteLaneSegmenter(models.LaneSegmentation);
        _signs = new SignRecognizer(_classifier, _options.Signs);
        _corridor = new EgoCorridor(_options.Events);
        _horizon = new HorizonEstimator(_options.Camera);
        _vanishingPoint = new VanishingPointEstimator(_options.VanishingPoint);
        _cuts = new SceneCutDetector(_options.SceneCutPictureChange, _options.SceneCutColourChange);
        _rules = new RoadEventRules(_options.Events);
        _egoMask = new LearnedEgoMask(_options.LearnedEgoMask);
    }

    public void Begin(VideoInfo info, StageTimings timings)
    {
        _info = info;
        _timings = timings;
        _signals?.Dispose();
        _signals = _signalsPath is null ? null : new RoadSignalWriter(_signalsPath, info.Fps);
        _preparedDetections.Clear();
        _lastDetections = [];
        _detectionStride = _options.DetectionsPerSecond > 0 ? Math.Max(1, (int)Math.Round(info.Fps / _options.DetectionsPerSecond)) : 1;
        if (_laneModel is not null && _laneSegmentation is null)
            _laneSegmentation = new ScheduledLaneSegmentation(_laneModel, (int)Math.Round(info.Fps / _options.Lanes.ModelRunsPerSecond));
    }

    /// <summary>Object detection, the heaviest stage, runs here so it overlaps the rest of the previous frame.</summary>
    public void Prepare(VideoFrame frame)
    {
        if (IsDetectionFrame(frame.Index)) _preparedDetections.Add(frame.Index, Detect(frame.Image));
    }

    /// <summary>Detection runs on every n-th frame (<see cref="RoadOptions.DetectionsPerSecond"/>); the tracker predicts between.</summary>
    private bool IsDetectionFrame(int index) => index % _detectionStride == 0;

    public void ProcessFrame(VideoFrame frame)
    {
        var image = frame.Image;
        var time = frame.TimestampSeconds;
        var detections = IsDetectionFrame(frame.Index) ? _preparedDetections.Take(frame.Index, () => Detect(image)) : null;
        var cut = _cuts.IsCut(image);
        if (cut) Restart(time);
        _egoMask.Update(image, _info?.Fps ?? 30);
        if (_egoMask.BonnetTopFraction is { } bonnetTop) _lanes.KeepNearRowAbove(bonnetTop - BonnetMarginFraction);
        if (detections is not null)
        {
            detections = _egoMask.Filter(detections, image.Size());
            // Between detections the road users hide the road where they were last seen (at most 1/15 s ago).
            _lastDetections = detections;
        }
        var laneMask = _laneSegmentation is null ? null : _timings.Measure(LaneModelStage, () => _laneSegmentation.Next(frame.Index, image));
        var lane = _timings.Measure(LanesStage, () => _lanes.Detect(image, time,
            _lastDetections.Where(d => (CocoClasses.IsVehicle(d.ClassId) || CocoClasses.IsVulnerableRoadUser(d.ClassId)) && d.Score >= OccluderMinScore).Select(d => d.Box),
            laneMask));
        if (detections is not null && _lanes.SeenThrough.Count > 0)
        {
            // A box the lane lines are seen through is no road user: neither tracked nor hiding the road from now on.
            var kept = detections.Where(d => !_lanes.SeenThrough.Contains(d.Box)).ToList();
            _seenThrough += detections.Count - kept.Count;
            detections = _lastDetections = kept;
        }
        _timings.Measure(LanesStage, () => _vanishingPoint.Update(image, time, _lanes.Options.NearRowFraction));
        // On detection frames only (15 a second): the boxes are this frame's, and it halves the cost (2 ms a frame at 25 fps).
        if (detections is not null)
            _timings.Measure(BackgroundStage, () => _background.Update(image, time, _lastDetections.Select(d => d.Box),
                Math.Max(_options.EgoMask.BottomFraction, 1 - (_egoMask.BonnetTopFraction ?? 1)), _egoMask.Mask));
        _horizon.Update(lane, _lanes.Projection, time, _vanishingPoint.Estimate);
        _lanes.Recalibrate(_horizon.Camera);
        var objects = _timings.Measure(TrackStage, () => TrackAndEvaluate(image, detections, lane, time));
        _timings.Measure(SignsStage, () => _signs.Process(image, time, _tracker.Tracks, SnapshotOf(image)));
        if (_signals is not null)
            _timings.Measure(SignalsFileStage, () => _signals.Record(frame.Index, _observation!, _signs.LastObservations,
                new RoadFrameContext(_horizon.Camera, image.Width, cut)));
        _timings.Measure(RenderStage, () => _renderer.Draw(image, lane, _lanes.Projection, objects, _rules.Lead,
            _signs.Tracker.Active, _options.Signs, [.. _rules.Active], _observation?.EgoSpeedMetersPerSecond,
            o => _observation is { } seen && _rules.BelievesTtc(o, seen)));

        _frames++;
        if (lane.BothConfident)
        {
            _laneFrames++;
            _offsetSum += lane.OffsetFraction ?? 0;
            if (lane.LaneWidthMeters is { } width) _laneWidths.Add(width);
        }
        _maxObjects = Math.Max(_maxObjects, objects.Count);
    }

    /// <summary>A scene cut: what was followed belongs to the other scene (its detections this frame are the new one's).</summary>
    private void Restart(double time)
    {
        _cutSeconds.Add(Math.Round(time, 2));
        _tracker.Clear();
        _lastDetections = [];
        _lanes.Restart();
        _horizon = new HorizonEstimator(_options.Camera);
        _vanishingPoint.Restart();
        _laneSegmentation?.Reset();
        _egoMask.Dispose();
        _egoMask = new LearnedEgoMask(_options.LearnedEgoMask);
    }

    private IReadOnlyList<Detection.Detection> Detect(Mat image) => _timings.Measure(DetectStage, () => _detector.Detect(image));

    /// <param name="detections">This frame's detections, or null on a frame the detector skipped.</param>
    private List<RoadObject> TrackAndEvaluate(Mat image, IReadOnlyList<Detection.Detection>? detections, LaneState lane, double time)
    {
        var tracks = detections is null ? _tracker.Predict(time) : _tracker.Update(detections, time, image.Width);
        var camera = _horizon.Camera;
        var candidates = new List<(Track Track, bool InCorridor, bool InPedestrianCorridor)>();
        foreach (var track in tracks)
        {
            var current = track.State == TrackState.Confirmed
                          || (track.State == TrackState.Lost && time - track.LastSeen <= CoastSeconds);
            if (!current || track.ClassId is CocoClasses.TrafficLight or CocoClasses.StopSign) continue;
            track.DistanceMeters = camera.ObjectDistance(track.Box, track.ClassId, image.Width, image.Height);
            var inCorridor = _corridor.Contains(camera, track.Box, track.DistanceMeters, _lanes, image.Width);
            var inPedestrianCorridor = CocoClasses.IsVulnerableRoadUser(track.ClassId)
                                       && _corridor.Contains(camera, track.Box, track.DistanceMeters, _lanes, image.Width,
                                           _options.Events.PedestrianCorridorMarginMeters);
            candidates.Add((track, inCorridor, inPedestrianCorridor));
        }
        var objects = AppearanceTimesToCollision(image, time, candidates);
        Func<Rect2f?, byte[]?>? snapshot = _options.CaptureSnapshots ? box => SnapshotEncoder.Encode(image, box) : null;
        var egoSlow = _lanes.EgoMotion.IsKnownSlowerThan(_options.Events.CloseFollowingMinEgoSpeed);
        var roadSpeed = _lanes.EgoMotion.KnownSpeedMetersPerSecond;
        // The whole view standing says the vehicle stands, also where no road is seen; a road seen sliding says otherwise.
        var standing = _background.Standing == true && !(roadSpeed > _options.Events.EgoStoppedSpeed);
        if (standing) _standingFrames++;
        var egoSpeed = roadSpeed ?? (standing ? 0 : null);
        _observation = new RoadObservation(time, objects, lane, snapshot, egoSlow, egoSpeed, standing);
        _rules.Evaluate(_observation);
        if (_lanes.EgoMotion.SpeedMetersPerSecond is { } speed)
        {
            _speedSum += speed;
            _speedFrames++;
        }
        RecordSecond((int)time, egoSpeed);
        return objects;
    }

    /// <summary>
    /// The nearest few objects the rules judge by TTC (vehicles in the corridor, people and cyclists in theirs) get
    /// their TTC from their pixels (<see cref="AppearanceTtc"/>); the rest keep the box-based one.
    /// </summary>
    private List<RoadObject> AppearanceTimesToCollision(Mat image, double time,
        List<(Track Track, bool InCorridor, bool InPedestrianCorridor)> candidates)
    {
        var measured = candidates
            .Where(c => (c.InCorridor && CocoClasses.IsVehicle(c.Track.ClassId)) || c.InPedestrianCorridor)
            .Where(c => c.Track.DistanceMeters is not null)
            .OrderBy(c => c.Track.DistanceMeters)
            .Take(MaxAppearanceTtcObjects)
            .Select(c => c.Track.Id)
            .ToHashSet();
        if (measured.Count > 0) _appearance.BeginFrame(image);
        var objects = candidates.Select(c => RoadObject.From(c.Track, c.InCorridor, c.InPedestrianCorridor,
            measured.Contains(c.Track.Id) ? _appearance.Update(c.Track, time) : default)).ToList();
        _appearance.Prune(time);
        return objects;
    }

    /// <summary>The ego speed at the first frame of each second of video (null while unknown).</summary>
    private void RecordSecond(int second, double? speed)
    {
        while (_speedPerSecond.Count <= second) _speedPerSecond.Add(_speedPerSecond.Count == second && speed is { } s ? Math.Round(s, 1) : null);
    }

    private Func<Rect2f, Func<byte[]?>>? SnapshotOf(Mat image) =>
        _options.CaptureSnapshots ? box => () => SnapshotEncoder.Encode(image, box) : null;

    public AnalysisOutput Complete()
    {
        var events = RoadEvents.Complete(_rules, _signs.Tracker);
        _signals?.Complete();
        var summary = new Dictionary<string, object?>
        {
            ["frames"] = _frames,
            ["lane_detection_rate"] = _frames == 0 ? 0 : Math.Round(_laneFrames / (double)_frames, 4),
            ["median_lane_width_m"] = _laneWidths.Count == 0 ? null : Math.Round(_laneWidths.Order().ElementAt(_laneWidths.Count / 2), 2),
            ["mean_lane_offset_fraction"] = _laneFrames == 0 ? null : Math.Round(_offsetSum / _laneFrames, 4),
            ["tracks"] = _tracker.TotalConfirmed,
            ["max_objects"] = _maxObjects,
            ["signs"] = _signs.Tracker.Signs.Count,
            ["events"] = events.Count,
            ["mean_ego_speed_mps"] = _speedFrames == 0 ? null : Math.Round(_speedSum / _speedFrames, 1),
            ["ego_speed_per_second_mps"] = _speedPerSecond.ToArray(),
            ["scene_cuts"] = _cutSeconds.Count,
            ["standing_seconds"] = _info is { Fps: > 0 } video ? Math.Round(_standingFrames / video.Fps, 1) : null,
            ["camera_motion"] = CameraMotion(),
            ["seen_through_detections"] = _seenThrough,
            ["ego_mask_fraction"] = Math.Round(_egoMask.CoveredFraction, 3),
            ["scene_cut_seconds"] = _cutSeconds.ToArray(),
            ["mounting_height_m"] = Math.Round(_horizon.Camera.MountingHeightMeters, 2),
            ["horizon_fraction"] = Math.Round(_horizon.Camera.HorizonFraction, 3),
            ["vanishing_column_fraction"] = Math.Round(_horizon.Camera.VanishingColumnFraction, 3),
            ["width"] = _info?.Width,
            ["height"] = _info?.Height,
        };
        return new AnalysisOutput(events, _signs.Tracker.Signs, [], summary);
    }

    /// <summary>
    /// "static" when the view never moved (a parked car, a camera on a tripod or in the hand: no ego motion at all),
    /// "moving" when it did, "unknown" when the background had too little texture to tell.
    /// </summary>
    private string CameraMotion()
    {
        var (still, moving) = _background.Judged;
        if (still + moving == 0) return "unknown";
        return moving <= StaticCameraMovingShare * (still + moving) ? "static" : "moving";
    }

    /// <summary>A static camera's view still "moves" in a few frames (a bus filling the view, a re-focus).</summary>
    private const double StaticCameraMovingShare = 0.05;

    public void Dispose()
    {
        _background.Dispose();
        _signals?.Dispose();
        _detector.Dispose();
        _classifier.Dispose();
        _lanes.Dispose();
        _vanishingPoint.Dispose();
        if (_laneSegmentation is not null) _laneSegmentation.Dispose();
        else _laneModel?.Dispose();
        _signs.Dispose();
        _renderer.Dispose();
        _cuts.Dispose();
        _appearance.Dispose();
        _egoMask.Dispose();
    }
}
