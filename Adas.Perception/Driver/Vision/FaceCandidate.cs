using OpenCvSharp;

namespace Adas.Perception.Driver.Vision;

/// <summary>One face found by the detector, in frame pixels; keypoints are right eye, left eye, nose, mouth right, mouth left.</summary>
public sealed record FaceCandidate(Rect2f Box, float Score, Point2f[] Keypoints);
