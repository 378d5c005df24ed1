using OpenCvSharp;

namespace Adas.Perception.Driver.Vision;

/// <summary>Eye and mouth aspect ratios from landmarks.</summary>
public static class FaceGeometry
{
    /// <summary>EAR = (|p2-p6| + |p3-p5|) / (2 |p1-p4|).</summary>
    public static double EyeAspectRatio(ReadOnlySpan<Point2f> points, int[] eye)
    {
        var width = Distance(points[eye[0]], points[eye[3]]);
        if (width < 1e-3) return 0;
        return (Distance(points[eye[1]], points[eye[5]]) + Distance(points[eye[2]], points[eye[4]])) / (2 * width);
    }

    /// <summary>MAR over the inner lips: mean opening of three upper/lower pairs over the corner-to-corner width.</summary>
    public static double MouthAspectRatio(ReadOnlySpan<Point2f> points, LandmarkLayout layout)
    {
        var width = Distance(points[layout.MouthCorners[0]], points[layout.MouthCorners[1]]);
        if (width < 1e-3) return 0;
        var opening = 0.0;
        for (var i = 0; i < layout.InnerLipUpper.Length; i++)
            opening += Distance(points[layout.InnerLipUpper[i]], points[layout.InnerLipLower[i]]);
        return opening / layout.InnerLipUpper.Length / width;
    }

    public static double Distance(Point2f a, Point2f b)
    {
        var dx = a.X - b.X;
        var dy = a.Y - b.Y;
        return Math.Sqrt(dx * dx + dy * dy);
    }
}
