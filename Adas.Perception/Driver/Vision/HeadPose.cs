namespace Adas.Perception.Driver.Vision;

/// <summary>
/// Head rotation in degrees, camera frame: yaw &gt; 0 the face turns towards the image's right, pitch &gt; 0 it looks
/// up, roll &gt; 0 it tilts clockwise in the image. All zero when the face looks straight into the camera.
/// </summary>
public readonly record struct HeadPose(double Yaw, double Pitch, double Roll);
