namespace Adas.Perception.Driver.Signals;

/// <summary>
/// What the vision part read from one frame. When <see cref="FacePresent"/> is false the face values are ignored.
/// Angles are in degrees as measured (camera frame): yaw &gt; 0 turned towards the image's right, pitch &gt; 0 up,
/// roll &gt; 0 tilted clockwise.
/// </summary>
public sealed record DriverMeasurement(
    double Time,
    bool FacePresent,
    double Ear = 0,
    double Mar = 0,
    double Yaw = 0,
    double Pitch = 0,
    bool Phone = false,
    double Roll = 0,
    bool Obstructed = false,
    bool Confident = true);
