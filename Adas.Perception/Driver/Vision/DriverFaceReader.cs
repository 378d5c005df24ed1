using OpenCvSharp;

namespace Adas.Perception.Driver.Vision;

/// <summary>
/// The vision half of driver monitoring: finds faces (YuNet), reads landmarks (PFLD or FaceMesh) and turns them
/// into EAR, MAR and head pose. Networks are loaded once. Faces are searched on a small copy of the frame first;
/// when that finds no clear face, once more on a larger copy, so a driver sitting far from a wide-angle camera
/// is still found.
/// </summary>
public sealed class DriverFaceReader : IDisposable
{
    private readonly YuNetFaceDetector _detector;
    private readonly YuNetFaceDetector? _fineDetector;
    private readonly int _coarseMaxSide;
    private readonly IFaceLandmarker _landmarker;
    private readonly float _acquireScore;
    private readonly EyeRegionReader? _eyes;

    public DriverFaceReader(PerceptionModels models, DriverOptions options)
    {
        _acquireScore = options.FaceScoreThreshold;
        var detectorScore = Math.Min(options.FaceScoreThreshold, options.FaceFollowScoreThreshold);
        _coarseMaxSide = options.FaceDetectionMaxSide;
        _detector = new YuNetFaceDetector(models.FaceDetector, options.FaceDetectionMaxSide, detectorScore);
        if (options.FaceDetectionFineMaxSide > options.FaceDetectionMaxSide)
            _fineDetector = new YuNetFaceDetector(models.FaceDetector, options.FaceDetectionFineMaxSide, detectorScore);
        ModelFile = Path.GetFileName(options.Landmarks switch
        {
            LandmarkModelKind.FaceMesh => models.FaceMesh,
            LandmarkModelKind.Pfld68 => models.FaceLandmarks,
            _ => models.FaceLandmarker478,
        });
        _landmarker = options.Landmarks switch
        {
            LandmarkModelKind.FaceMesh => new FaceMeshLandmarker(models.FaceMesh, options.OnnxThreads),
            LandmarkModelKind.Pfld68 => new PfldLandmarker(models.FaceLandmarks, options.OnnxThreads),
            _ => new FaceLandmarker478(models.FaceLandmarker478, options.OnnxThreads),
        };
        // The eye-region models are put on the 478-point model's EAR scale; the older models keep their own EAR.
        if (options.EyeRegionModels && options.Landmarks == LandmarkModelKind.FaceLandmarker478)
            _eyes = new EyeRegionReader(models.EyeRegion, models.EyeState);
    }

    public LandmarkLayout Layout => _landmarker.Layout;
    public string ModelFile { get; }
    public bool UsesEyeRegion => _eyes is not null;

    /// <summary>The scaled copy of the frame last searched for faces.</summary>
    public Mat LastSmallFrame => _detector.LastSmallFrame;

    public IReadOnlyList<FaceCandidate> FindFaces(Mat bgr)
    {
        var coarse = _detector.Detect(bgr);
        var best = coarse.Count == 0 ? 0 : coarse.Max(f => f.Score);
        if (_fineDetector is null || best >= _acquireScore || Math.Max(bgr.Width, bgr.Height) <= _coarseMaxSide) return coarse;
        var fine = _fineDetector.Detect(bgr);
        return fine.Count > 0 && fine.Max(f => f.Score) > best ? fine : coarse;
    }

    /// <summary>Landmarks, EAR, MAR and head pose, with the eye-region reading folded in (<see cref="ReadLandmarks"/> then <see cref="AddEyeRegions"/>).</summary>
    public FaceReading Read(Mat bgr, FaceCandidate face) => AddEyeRegions(bgr, ReadLandmarks(bgr, face));

    /// <summary>The landmark model's reading alone: EAR from the landmarks, MAR, head pose.</summary>
    public FaceReading ReadLandmarks(Mat bgr, FaceCandidate face)
    {
        var points = _landmarker.Detect(bgr, face.Box);
        var layout = _landmarker.Layout;
        var pose = HeadPoseEstimator.Estimate(points, layout, bgr.Size());
        return new FaceReading(face, points, layout, FaceGeometry.EyeAspectRatio(points, layout.RightEye),
            FaceGeometry.EyeAspectRatio(points, layout.LeftEye), FaceGeometry.MouthAspectRatio(points, layout), pose);
    }

    /// <summary>
    /// Folds each eye's own reading (eyelid contour and eye CNN on the eye's crop) into the landmark EAR; a reading that
    /// already has it, or a model without eye-region support, comes back as it is. Separate from
    /// <see cref="ReadLandmarks"/> so the pipeline can run the two halves on different threads.
    /// </summary>
    public FaceReading AddEyeRegions(Mat bgr, FaceReading reading)
    {
        if (_eyes is null || reading.RightEyeRegion is not null) return reading;
        var (points, layout) = (reading.Landmarks, reading.Layout);
        var right = _eyes.Read(bgr, points[layout.RightEye[0]], points[layout.RightEye[3]], mirror: true);
        var left = _eyes.Read(bgr, points[layout.LeftEye[0]], points[layout.LeftEye[3]], mirror: false);
        return reading with
        {
            RightEar = (reading.RightEar + EyeRegionReader.ToEarScale(right.Openness)) / 2,
            LeftEar = (reading.LeftEar + EyeRegionReader.ToEarScale(left.Openness)) / 2,
            RightEyeRegion = right,
            LeftEyeRegion = left,
        };
    }

    public void Dispose()
    {
        _detector.Dispose();
        _fineDetector?.Dispose();
        _landmarker.Dispose();
        _eyes?.Dispose();
    }
}
