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

    public DriverFaceReader(PerceptionModels models, DriverOptions options)
    {
        _acquireScore = options.FaceScoreThreshold;
        var detectorScore = Math.Min(options.FaceScoreThreshold, options.FaceFollowScoreThreshold);
        _coarseMaxSide = options.FaceDetectionMaxSide;
        _detector = new YuNetFaceDetector(models.FaceDetector, options.FaceDetectionMaxSide, detectorScore);
        if (options.FaceDetectionFineMaxSide > options.FaceDetectionMaxSide)
            _fineDetector = new YuNetFaceDetector(models.FaceDetector, options.FaceDetectionFineMaxSide, detectorScore);
        _landmarker = options.Landmarks switch
        {
            LandmarkModelKind.FaceMesh => new FaceMeshLandmarker(models.FaceMesh, options.OnnxThreads),
            _ => new PfldLandmarker(models.FaceLandmarks, options.OnnxThreads),
        };
    }

    public LandmarkLayout Layout => _landmarker.Layout;

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
        return new FaceReading(face, points, layout,
            FaceGeometry.EyeAspectRatio(points, layout.RightEye),
            FaceGeometry.EyeAspectRatio(points, layout.LeftEye),
            FaceGeometry.MouthAspectRatio(points, layout), pose);
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
    }
}
