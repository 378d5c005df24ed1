using OpenCvSharp;

namespace Adas.Perception.Driver.Vision;

/// <summary>
/// What the landmarks say about one face: eye openness (EAR, with the eye-region reading folded in when it ran),
/// mouth openness and head pose.
/// </summary>
public sealed record FaceReading(
    FaceCandidate Face,
    Point2f[] Landmarks,
    LandmarkLayout Layout,
    double RightEar,
    double LeftEar,
    double Mar,
    HeadPose Pose)
{
    public double Ear => (RightEar + LeftEar) / 2;
    public EyeReading? RightEyeRegion { get; init; }
    public EyeReading? LeftEyeRegion { get; init; }
}
