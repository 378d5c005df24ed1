using OpenCvSharp;

namespace Adas.Perception.Driver.Vision;

/// <summary>
/// Head pose by <see cref="Cv2.SolvePnP(IEnumerable{Point3f}, IEnumerable{Point2f}, double[,], IEnumerable{double}, ref double[], ref double[], bool, SolvePnPMethod)"/>
/// of six landmarks against a generic 3D face (nose tip, chin, outer eye corners, mouth corners), with a pinhole
/// camera from the frame size (focal length = frame width, centre = frame centre, no distortion).
/// The model is in camera axes (x right, y down, z away from the camera), so a face looking into the camera has no rotation.
/// </summary>
public static class HeadPoseEstimator
{
    private static readonly Point3f[] Model =
    [
        new(0, 0, 0),           // nose tip
        new(0, 330, 65),        // chin
        new(-225, -170, 135),   // outer corner of the image-left eye
        new(225, -170, 135),    // outer corner of the image-right eye
        new(-150, 150, 125),    // image-left mouth corner
        new(150, 150, 125),     // image-right mouth corner
    ];
    private static readonly double[] NoDistortion = [0, 0, 0, 0];

    /// <summary>
    /// SQPnP: globally optimal and about 0.3 ms here, where the iterative (Levenberg-Marquardt) solver took 2-12 ms.
    /// </summary>
    public static HeadPose Estimate(ReadOnlySpan<Point2f> landmarks, LandmarkLayout layout, Size frame)
    {
        var image = new Point2f[Model.Length];
        for (var i = 0; i < image.Length; i++) image[i] = landmarks[layout.PosePoints[i]];
        double focal = frame.Width;
        var camera = new double[,] { { focal, 0, frame.Width / 2.0 }, { 0, focal, frame.Height / 2.0 }, { 0, 0, 1 } };
        var rvec = new double[3];
        var tvec = new double[3];
        Cv2.SolvePnP(Model, image, camera, NoDistortion, ref rvec, ref tvec, useExtrinsicGuess: false, SolvePnPMethod.SQPNP);
        return tvec[2] <= 0 || rvec.Any(double.IsNaN) ? default : ToAngles(rvec);
    }

    /// <summary>Decomposes R = Rz(roll) Ry(yaw') Rx(pitch') and maps to the documented signs.</summary>
    public static HeadPose ToAngles(double[] rvec)
    {
        Cv2.Rodrigues(rvec, out var r, out _);
        var aboutX = Math.Atan2(r[2, 1], r[2, 2]);
        var aboutY = Math.Asin(Math.Clamp(-r[2, 0], -1, 1));
        var aboutZ = Math.Atan2(r[1, 0], r[0, 0]);
        const double degrees = 180 / Math.PI;
        return new HeadPose(-aboutY * degrees, -aboutX * degrees, aboutZ * degrees);
    }
}
