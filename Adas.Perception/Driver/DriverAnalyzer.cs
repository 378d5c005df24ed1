using Adas.Perception.Analysis;
using Adas.Perception.Detection;
using Adas.Perception.Driver.Rendering;
using Adas.Perception.Driver.Signals;
using Adas.Perception.Driver.Vision;
using Adas.Perception.Signals;
using Adas.Perception.Video;
using OpenCvSharp;

namespace Adas.Perception.Driver;

/// <summary>
/// The in-cabin pipeline: finds and follows the driver's face (YuNet every few frames on a downscaled copy),
/// reads landmarks, eye/mouth openness and head pose (<see cref="DriverOptions.LandmarkRunsPerSecond"/> times a
/// second; the signals advance with each reading), optionally looks for a phone, feeds the
/// <see cref="DriverSignalTracker"/> and draws the overlay. A scene cut (edited footage) drops the followed face and
/// the calibration. The analyzer owns and disposes the phone detector.
/// </summary>
public sealed class DriverAnalyzer : IFrameAnalyzer
{
    public const string FaceStage = "face";
    public const string LandmarksStage = "landmarks";
    public const string EyesStage = "eyes";
    public const string SignalsStage = "signals";
    public const string SignalsFileStage = "signals_file";
    public const string PhoneStage = "phone";
    public const string RenderStage = "render";
    private const float MinPreparedFaceOverlap = 0.5f;

    private readonly DriverOptions _options;
    private readonly DriverFaceReader _reader;
    private readonly IObjectDetector? _phoneDetector;
    private readonly DriverFaceSelector _selector;
    private readonly PhoneProximity _phoneProximity;
    private readonly EventSnapshots _snapshots = new();
    private readonly PreparedResults<FaceReading> _preparedReadings = new();
    private readonly Lock _landmarkLock = new();
    private readonly PhoneSearch? _phoneSearch;
    private readonly SceneCutDetector _cuts;
    private readonly string? _signalsPath;
    private DriverSignalWriter? _signals;
    private bool _cutSinceLastReading;
    private StageTimings _timings = new();
    private DriverSignalTracker _tracker;
    private FaceCandidate? _face;
    private bool _faceHeld;
    private double _faceSeenAt;
    private bool _obstructed;
    private IReadOnlyList<Detection.Detection> _phones = [];
    private int _frames;
    private int _landmarkInterval = 1;
    private int _phoneInterval = 1;
    private int _landmarkRuns;
    private FaceReading? _reading;
    private DriverFrameStatus? _status;
    private bool _detectNow;
    private double _lastFrameTime;

    /// <param name="signalsPath">Where to write the per-reading signals (Parquet), or null for none.</param>
    public DriverAnalyzer(PerceptionModels models, DriverOptions options, IObjectDetector? phoneDetector = null, string? signalsPath = null)
    {
        _options = options;
        _signalsPath = signalsPath;
        _reader = new DriverFaceReader(models, options);
        _phoneDetector = phoneDetector;
        if (phoneDetector is not null) _phoneSearch = new PhoneSearch(phoneDetector, options.PhoneHeadZoom);
        _selector = new DriverFaceSelector(options.FaceBoxSmoothing, options.FaceScoreThreshold);
        _phoneProximity = new PhoneProximity(options);
        _tracker = new DriverSignalTracker(options);
        _cuts = new SceneCutDetector(options.SceneCutDifference);
    }

    public void Begin(VideoInfo info, StageTimings timings)
    {
        _timings = timings;
        _tracker = new DriverSignalTracker(_options, 1 / info.Fps);
        _signals?.Dispose();
        _signals = _signalsPath is null ? null : new DriverSignalWriter(_signalsPath, info.Fps, _options.Landmarks.ToString());
        _cutSinceLastReading = false;
        _face = null;
        _faceHeld = _obstructed = false;
        _phones = [];
        _phoneSearch?.Reset();
        _frames = _landmarkRuns = 0;
        _landmarkInterval = FramesBetween(info.Fps, _options.LandmarkRunsPerSecond);
        _phoneInterval = FramesBetween(info.Fps, _options.PhoneSearchesPerSecond);
        _reading = null;
        _status = null;
        _detectNow = false;
        _lastFrameTime = 0;
        _cuts.Reset();
        _snapshots.Reset();
        _preparedReadings.Clear();
    }

    /// <summary>
    /// The heaviest read-only work runs here, on the prepare thread (which also decodes), overlapping the face search
    /// and drawing of earlier frames: the landmark model on the face where it was last seen (a few frames ago at most;
    /// a reading whose face no longer matches is redone on the spot). The eye-region models and the phone search run
    /// on the main thread (<see cref="ProcessFrame"/>), so the two threads carry about the same load.
    /// </summary>
    public void Prepare(VideoFrame frame)
    {
        if (IsLandmarkFrame(frame) && Volatile.Read(ref _face) is { } face) _preparedReadings.Add(frame.Index, ReadLandmarks(frame.Image, face));
    }

    public void ProcessFrame(VideoFrame frame)
    {
        var image = frame.Image;
        var time = frame.TimestampSeconds;
        if (_cuts.IsCut(image))
        {
            StartNewScene();
            _cutSinceLastReading = true;
        }
        _timings.Measure(FaceStage, () => LocateFace(frame));
        var fresh = false;
        if (_face is null) _reading = null;
        else if (_reading is null || IsLandmarkFrame(frame))
        {
            var face = _face;
            var prepared = _preparedReadings.Take(frame.Index, () => ReadLandmarks(image, face));
            var landmarks = DriverFaceSelector.Iou(prepared.Face.Box, face.Box) >= MinPreparedFaceOverlap
                ? prepared with { Face = face }
                : ReadLandmarks(image, face);
            _reading = _timings.Measure(EyesStage, () => _reader.AddEyeRegions(image, landmarks));
            _landmarkRuns++;
            fresh = true;
        }
        else _reading = _reading with { Face = _face };
        if (_phoneSearch is not null && IsPhoneFrame(frame))
            _phones = _phoneProximity.PhonesNearDriver(_phoneSearch.Merge(DetectPhones(frame)), _face?.Box,
                image.Size());
        // The signals advance with each landmark reading (and every frame without a face), so durations stay exact
        // and a held reading is never counted twice.
        if (_reading is null || fresh || _status is null)
        {
            var measurement = _reading is null
                ? new DriverMeasurement(time, FacePresent: false, Phone: _phones.Count > 0, Obstructed: _obstructed)
                : new DriverMeasurement(time, FacePresent: true, _reading.Ear, _reading.Mar, _reading.Pose.Yaw, _reading.Pose.Pitch,
                    _phones.Count > 0, _reading.Pose.Roll, Confident: !_faceHeld);
            _status = _timings.Measure(SignalsStage, () => _tracker.Update(measurement, () => _snapshots.Take(image, time)));
            if (_signals is not null)
                _timings.Measure(SignalsFileStage, () => _signals.Record(frame.Index, _cutSinceLastReading, measurement, _reading,
                    _phones.Count > 0 ? _phones.Max(p => p.Score) : null, _status!));
            _cutSinceLastReading = false;
        }
        _timings.Measure(RenderStage, () => DriverOverlay.Draw(image, _reading, _status, _phones, _options));
        _frames++;
        _lastFrameTime = time;
    }

    private void StartNewScene()
    {
        _face = null;
        _phoneSearch?.ForgetHead();
        _reading = null;
        _faceHeld = false;
        _detectNow = true;
        _tracker.SceneCut();
    }

    public AnalysisOutput Complete()
    {
        var (events, seconds, summary) = _tracker.Complete();
        _signals?.Complete();
        var details = new Dictionary<string, object?>(summary)
        {
            ["pipeline"] = "driver",
            ["landmark_model"] = _reader.Layout.Name,
            ["landmark_model_file"] = _reader.ModelFile,
            ["eye_region_models"] = _reader.UsesEyeRegion,
            ["landmark_runs_per_second"] = Math.Round(_landmarkRuns / Math.Max(1e-6, _lastFrameTime), 1),
            ["frames"] = _frames,
            ["phone_detector"] = _phoneDetector is not null,
        };
        return new AnalysisOutput(events, [], seconds, details);
    }

    private void LocateFace(VideoFrame frame)
    {
        var interval = Math.Max(1, _options.FaceDetectionInterval);
        var time = frame.TimestampSeconds;
        if (frame.Index % interval != 0 && !_detectNow)
        {
            if (_faceHeld && time - _faceSeenAt > _options.FaceHoldSeconds) _face = null;
            return;
        }
        _detectNow = false;
        var faces = _reader.FindFaces(frame.Image);
        var selected = _selector.Select(faces, frame.Image.Size(), _face);
        _obstructed = faces.Count == 0 && FrameUniformity.IsObstructed(_reader.LastSmallFrame, _options.ObstructionMaxStdDev);
        if (selected is not null)
        {
            _face = selected;
            _faceSeenAt = time;
            _faceHeld = false;
        }
        else if (_face is not null && time - _faceSeenAt <= _options.FaceHoldSeconds) _faceHeld = true;
        else _face = null;
    }

    private bool IsLandmarkFrame(VideoFrame frame) => frame.Index % _landmarkInterval == 0;

    private FaceReading ReadLandmarks(Mat image, FaceCandidate face)
    {
        lock (_landmarkLock) return _timings.Measure(LandmarksStage, () => _reader.ReadLandmarks(image, face));
    }

    private bool IsPhoneFrame(VideoFrame frame) => frame.Index % _phoneInterval == 0;

    private PhoneSearchResult DetectPhones(VideoFrame frame) => _timings.Measure(PhoneStage, () => _phoneSearch!.Detect(frame.Image,
        _face?.Box, frame.Index / _phoneInterval));

    /// <summary>Frames between two runs of something done <paramref name="perSecond"/> times a second of video.</summary>
    private static int FramesBetween(double fps, double perSecond) =>
        Math.Max(1, (int)Math.Round(fps / Math.Max(1e-3, perSecond), MidpointRounding.AwayFromZero));

    public void Dispose()
    {
        _signals?.Dispose();
        _reader.Dispose();
        _phoneDetector?.Dispose();
        _cuts.Dispose();
    }
}
