using Adas.Perception;
using Adas.Perception.Driver.Vision;
using Adas.Tests.Infrastructure;
using OpenCvSharp;
using Color = OpenCvSharp.Scalar;

namespace Adas.Tests.Perception.Driver;

/// <summary>The test face and synthetic variants of it (eyes painted closed, head rolled, one side squeezed).</summary>
internal static class DriverImages
{
    public static PerceptionModels Models => PerceptionModels.FromDirectory(Path.Combine(TestPaths.RepositoryRoot, ".assets", "models"));

    public static Mat GraceHopper() => Cv2.ImRead(TestPaths.Asset("media/faces/grace_hopper_512x512.jpg"), ImreadModes.Color);

    /// <summary>
    /// Paints both eyes closed: a feathered skin-coloured patch (colour taken from below the eye) over the eye and its
    /// lids (2.0 x 1.4 eye widths: PFLD still reads a smaller patch as a half-open eye) and a dark, slightly
    /// downward-curved lid line from corner to corner.
    /// </summary>
    public static Mat PaintEyesClosed(Mat image, FaceReading reading)
    {
        var painted = image.Clone();
        foreach (var eye in (int[][])[reading.Layout.RightEye, reading.Layout.LeftEye])
        {
            var points = eye.Select(i => reading.Landmarks[i]).ToArray();
            var centre = new Point2f(points.Average(p => p.X), points.Average(p => p.Y));
            var width = (float)FaceGeometry.Distance(points[0], points[3]);
            var skin = SkinBelow(image, centre, width);
            var region = new Rect((int)(centre.X - width * 1.2f), (int)(centre.Y - width * 0.85f), (int)(2.4f * width), (int)(1.7f * width))
                         & new Rect(0, 0, image.Width, image.Height);
            using var mask = new Mat(region.Size, MatType.CV_32FC1, Color.All(0));
            var local = new Point2f(centre.X - region.X, centre.Y - region.Y);
            Cv2.Ellipse(mask, new RotatedRect(local, new Size2f(width * 2.0f, width * 1.4f), 0), Color.All(1), -1);
            Cv2.GaussianBlur(mask, mask, new Size(0, 0), width * 0.08);
            using var roi = new Mat(painted, region);
            using var target = new Mat(region.Size, MatType.CV_8UC3, skin);
            BlendInto(roi, target, mask);
            var lid = new Point(centre.X, centre.Y + width * 0.1f);
            Cv2.Ellipse(painted, lid, new Size(width * 0.5f, Math.Max(1, width * 0.05f)), 0, 10, 170, new Color(35, 40, 55),
                Math.Max(1, (int)Math.Round(width / 14)), LineTypes.AntiAlias);
        }
        return painted;
    }

    /// <summary>
    /// Draws heavy glasses over both eyes (the test face already wears light ones): dark rectangular rims (2.0 x 1.3
    /// eye widths) joined by a bridge, with a pale glare over the lenses (<paramref name="glare"/> 0-1). They pull
    /// PFLD's open-eye EAR down (0.35 to about 0.26).
    /// </summary>
    public static Mat PaintGlasses(Mat image, FaceReading reading, double glare = 0.25)
    {
        var painted = image.Clone();
        var centres = new List<Point2f>();
        var width = 0f;
        foreach (var eye in (int[][])[reading.Layout.RightEye, reading.Layout.LeftEye])
        {
            var points = eye.Select(i => reading.Landmarks[i]).ToArray();
            var centre = new Point2f(points.Average(p => p.X), points.Average(p => p.Y));
            centres.Add(centre);
            width = (float)FaceGeometry.Distance(points[0], points[3]);
            var lens = new Rect((int)(centre.X - width), (int)(centre.Y - width * 0.65f), (int)(2 * width), (int)(1.3f * width));
            using (var roi = new Mat(painted, lens))
            using (var white = new Mat(lens.Size, MatType.CV_8UC3, Color.All(255)))
                Cv2.AddWeighted(roi, 1 - glare, white, glare, 0, roi);
            Cv2.Rectangle(painted, lens, new Color(20, 20, 20), Math.Max(2, (int)(width / 7)), LineTypes.AntiAlias);
        }
        var (right, left) = (centres[0], centres[1]);
        Cv2.Line(painted, new Point(right.X + width, right.Y - width * 0.2f), new Point(left.X - width, left.Y - width * 0.2f),
            new Color(20, 20, 20), Math.Max(2, (int)(width / 7)), LineTypes.AntiAlias);
        return painted;
    }

    private static void BlendInto(Mat destination, Mat source, Mat weights)
    {
        using var inverse = new Mat();
        Cv2.Subtract(Color.All(1), weights, inverse);
        using var blended = new Mat();
        Cv2.BlendLinear(destination, source, inverse, weights, blended);
        blended.CopyTo(destination);
    }

    /// <summary>
    /// Opens the mouth as in a yawn: the jaw (everything below the lips, across the face) is pulled down smoothly and
    /// the gap between the lips painted as a dark oral cavity.
    /// </summary>
    public static Mat PaintMouthOpen(Mat image, FaceReading reading, float openingPerWidth = 0.8f)
    {
        var layout = reading.Layout;
        var left = reading.Landmarks[layout.MouthCorners[0]];
        var right = reading.Landmarks[layout.MouthCorners[1]];
        var mouthWidth = (float)FaceGeometry.Distance(left, right);
        var lipLine = layout.InnerLipUpper.Select(i => reading.Landmarks[i].Y).Average();
        var centreX = (left.X + right.X) / 2;
        var drop = mouthWidth * openingPerWidth;
        var halfSpan = reading.Face.Box.Width * 0.75f;
        var chin = reading.Landmarks[layout.PosePoints[1]].Y - lipLine;
        using var mapX = new Mat(image.Size(), MatType.CV_32FC1);
        using var mapY = new Mat(image.Size(), MatType.CV_32FC1);
        var width = image.Width;
        var height = image.Height;
        for (var x = 0; x < width; x++)
        {
            var u = Math.Clamp((x - centreX) / halfSpan, -1f, 1f);
            var gap = drop * (float)(0.5 + 0.5 * Math.Cos(Math.PI * u));
            var inMouth = Math.Clamp((0.8f - Math.Abs(x - centreX) / mouthWidth) / 0.3f, 0f, 1f);
            for (var y = 0; y < height; y++)
            {
                mapX.Set(y, x, (float)x);
                var below = y - lipLine;
                var stretched = below <= 0 ? y : below >= chin + gap ? y - gap : lipLine + below * chin / (chin + gap);
                var shifted = below <= 0 ? y : below >= gap ? y - gap : lipLine;
                var source = inMouth * shifted + (1 - inMouth) * stretched;
                mapY.Set(y, x, source);
            }
        }
        var opened = new Mat();
        Cv2.Remap(image, opened, mapX, mapY, InterpolationFlags.Linear, BorderTypes.Replicate);
        var cavity = new RotatedRect(new Point2f(centreX, lipLine + drop / 2), new Size2f(mouthWidth * 0.95f, drop * 0.95f), 0);
        Cv2.Ellipse(opened, cavity, new Color(30, 25, 60), -1, LineTypes.AntiAlias);
        return opened;
    }

    /// <summary>Rotates the image about its centre; positive degrees turn it counter-clockwise (OpenCV convention).</summary>
    public static Mat Rotate(Mat image, double degrees)
    {
        using var m = Cv2.GetRotationMatrix2D(new Point2f(image.Width / 2f, image.Height / 2f), degrees, 1);
        var rotated = new Mat();
        Cv2.WarpAffine(image, rotated, m, image.Size(), InterpolationFlags.Linear, BorderTypes.Replicate);
        return rotated;
    }

    /// <summary>Compresses the image horizontally on one side of column <paramref name="splitX"/> (as a face turned that way looks).</summary>
    public static Mat SqueezeSide(Mat image, float splitX, bool rightSide, float factor)
    {
        using var mapX = new Mat(image.Size(), MatType.CV_32FC1);
        using var mapY = new Mat(image.Size(), MatType.CV_32FC1);
        var width = image.Width;
        var height = image.Height;
        for (var y = 0; y < height; y++)
        for (var x = 0; x < width; x++)
        {
            float source = x;
            if (rightSide && x > splitX) source = splitX + (x - splitX) / factor;
            if (!rightSide && x < splitX) source = splitX - (splitX - x) / factor;
            mapX.Set(y, x, source);
            mapY.Set(y, x, (float)y);
        }
        var squeezed = new Mat();
        Cv2.Remap(image, squeezed, mapX, mapY, InterpolationFlags.Linear, BorderTypes.Replicate);
        return squeezed;
    }

    /// <summary>Places the face scaled to <paramref name="faceSide"/> pixels on a plain 640x480 cabin-like canvas.</summary>
    public static Mat OnCanvas(Mat face, int faceSide = 360, int width = 640, int height = 480)
    {
        var canvas = new Mat(height, width, MatType.CV_8UC3, new Color(70, 80, 90));
        Cv2.Rectangle(canvas, new Rect(0, 0, 120, height), new Color(40, 40, 45), -1);
        using var scaled = face.Resize(new Size(faceSide, faceSide), 0, 0, InterpolationFlags.Area);
        using var target = new Mat(canvas, new Rect((width - faceSide) / 2, (height - faceSide) / 2, faceSide, faceSide));
        scaled.CopyTo(target);
        return canvas;
    }

    private static Color SkinBelow(Mat image, Point2f eyeCentre, float eyeWidth)
    {
        var patch = new Rect((int)(eyeCentre.X - eyeWidth * 0.3f), (int)(eyeCentre.Y + eyeWidth * 0.7f),
            Math.Max(2, (int)(eyeWidth * 0.6f)), Math.Max(2, (int)(eyeWidth * 0.3f)));
        patch &= new Rect(0, 0, image.Width, image.Height);
        using var roi = new Mat(image, patch);
        return Cv2.Mean(roi);
    }
}
