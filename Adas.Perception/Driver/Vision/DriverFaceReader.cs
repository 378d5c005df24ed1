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

    public FaceReading Read(Mat bgr, FaceCandidate face)
    {
        var points = _landmarker.Detect(bgr, face.Box);
        var layout = _landmarker.Layout;
        var pose = HeadPoseEstimator.Estimate(points, layout, bgr.Size());
        var rightEar = FaceGeometry.EyeAspectRatio(points, layout.RightEye);
        var leftEar = FaceGeometry.EyeAspectRatio(points, layout.LeftEye);
        EyeReading? right = null, left = null;
        if (_eyes is not null)
        {
            right = _eyes.Read(bgr, points[layout.RightEye[0]], points[layout.RightEye[3]], mirror: true);
            left = _eyes.Read(bgr, points[layout.LeftEye[0]], points[layout.LeftEye[3]], mirror: false);
            rightEar = (rightEar + EyeRegionReader.ToEarScale(right.Openness)) / 2;
            leftEar = (leftEar + EyeRegionReader.ToEarScale(left.Openness)) / 2;
        }
        return new FaceReading(face, points, layout, rightEar, leftEar, FaceGeometry.MouthAspectRatio(points, layout), pose)
        {
            RightEyeRegion = right,
            LeftEyeRegion = left,
        };
    }

    /// <summary>One-shot reading of a still image: the most prominent face, or null when there is none.</summary>
    public FaceReading? ReadStill(Mat bgr)
    {
        var face = new DriverFaceSelector(acquireScore: _acquireScore).Select(FindFaces(bgr), bgr.Size(), null);
        return face is null ? null : Read(bgr, face);
    }

    public void Dispose()
    {
        _detector.Dispose();
        _fineDetector?.Dispose();
        _landmarker.Dispose();
        _eyes?.Dispose();
    }
}
