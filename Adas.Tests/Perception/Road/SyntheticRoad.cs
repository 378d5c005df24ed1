using Adas.Perception.Road.Camera;
using OpenCvSharp;

namespace Adas.Tests.Perception.Road;

using Scalar = OpenCvSharp.Scalar;

/// <summary>Renders a flat road through the pinhole camera: lane lines given as lateral position X(Z) in metres.</summary>
internal static class SyntheticRoad
{
    public static Mat Render(CameraModel camera, int width, int height, Func<double, double> leftX, Func<double, double> rightX,
        bool dashedLeft = false, double paintWidth = 0.15, double travelledMeters = 0)
    {
        var frame = new Mat(height, width, MatType.CV_8UC3, new Scalar(200, 170, 140));
        var horizon = (int)camera.HorizonY(height);
        Cv2.Rectangle(frame, new Rect(0, horizon, width, height - horizon), new Scalar(85, 85, 85), -1);
        PaintLine(frame, camera, leftX, paintWidth, dashedLeft, new Scalar(0, 210, 230), travelledMeters);
        PaintLine(frame, camera, rightX, paintWidth, false, new Scalar(235, 235, 235), travelledMeters);
        return frame;
    }

    /// <summary>Dashes are 3 m every 12 m, shifted towards the camera as the vehicle travels.</summary>
    private static void PaintLine(Mat frame, CameraModel camera, Func<double, double> x, double paintWidth, bool dashed, Scalar colour,
        double travelled)
    {
        const double step = 0.25;
        for (var z = 3.0; z < 80; z += step)
        {
            if (dashed && (z + travelled) % 12 > 3) continue;
            var a = Project(camera, frame, x(z) - paintWidth / 2, z);
            var b = Project(camera, frame, x(z) + paintWidth / 2, z);
            var c = Project(camera, frame, x(z + step) + paintWidth / 2, z + step);
            var d = Project(camera, frame, x(z + step) - paintWidth / 2, z + step);
            Cv2.FillConvexPoly(frame, [a, b, c, d], colour, LineTypes.AntiAlias);
        }
    }

    public static Point Project(CameraModel camera, Mat frame, double lateral, double z)
    {
        var f = camera.FocalPixels(frame.Width);
        return new Point(frame.Width / 2.0 + f * lateral / z, camera.GroundRow(z, frame.Width, frame.Height));
    }
}
