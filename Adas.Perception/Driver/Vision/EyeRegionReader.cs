using OpenCvSharp;

namespace Adas.Perception.Driver.Vision;

/// <summary>
/// Eye state from the eye region alone: MediaPipe's eyelid contour on a square eye crop, then the eye CNN on a crop
/// centred between the contour's corners. Openness = lid gap over eye width + <see cref="ClassifierWeight"/> x P(open):
/// the contour keeps a little gap even on closed lids (0.08-0.25 on the labelled crops, 0.26-0.48 open), the CNN is
/// near 0 for every closed eye and lifts most open ones clear of them.
/// </summary>
public sealed class EyeRegionReader : IDisposable
{
    public const double ClassifierWeight = 0.1;

    // Medians on the labelled crops (closed 0.175, open 0.46) against the 478-point model's EAR on the labelled
    // faces (closed 0.03, open 0.37): the linear map that puts an eye-region reading on that model's EAR scale.
    private const double ClosedOpenness = 0.175;
    private const double OpenOpenness = 0.46;
    private const double ClosedEar = 0.03;
    private const double OpenEar = 0.37;
    private readonly EyelidLandmarker _eyelids;
    private readonly EyeStateClassifier _classifier;

    public EyeRegionReader(string irisModelPath, string eyeStateModelPath)
    {
        _eyelids = new EyelidLandmarker(irisModelPath);
        _classifier = new EyeStateClassifier(eyeStateModelPath);
    }

    /// <summary>The eye between two landmark corners, cropped as MediaPipe does; <paramref name="mirror"/> for a right eye.</summary>
    public EyeReading Read(Mat bgrFrame, Point2f cornerA, Point2f cornerB, bool mirror)
    {
        var centre = new Point2f((cornerA.X + cornerB.X) / 2, (cornerA.Y + cornerB.Y) / 2);
        var side = EyelidLandmarker.CropScale * (float)FaceGeometry.Distance(cornerA, cornerB);
        return ReadSquare(bgrFrame, new Rect2f(centre.X - side / 2, centre.Y - side / 2, side, side), mirror);
    }

    private EyeReading ReadSquare(Mat bgr, Rect2f square, bool mirror)
    {
        var lids = _eyelids.ReadSquare(bgr, square, mirror);
        var open = _classifier.OpenProbability(bgr, lids.Contour[0], lids.Contour[8]);
        return new EyeReading(lids.Contour, lids.Openness, open, lids.Openness + ClassifierWeight * open);
    }

    /// <summary>An eye-region openness on the 478-point model's EAR scale, so the two can be averaged.</summary>
    public static double ToEarScale(double openness) =>
        ClosedEar + (openness - ClosedOpenness) * (OpenEar - ClosedEar) / (OpenOpenness - ClosedOpenness);

    public void Dispose()
    {
        _eyelids.Dispose();
        _classifier.Dispose();
    }
}
