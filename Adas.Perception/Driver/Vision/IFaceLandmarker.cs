using OpenCvSharp;

namespace Adas.Perception.Driver.Vision;

/// <summary>A face-landmark network: given the frame and the face box, the landmarks in frame pixels.</summary>
public interface IFaceLandmarker : IDisposable
{
    LandmarkLayout Layout { get; }

    Point2f[] Detect(Mat bgrFrame, Rect2f face);
}
