using Adas.Perception.Road.Camera;
using OpenCvSharp;

namespace Adas.Perception.Road.Lanes;

/// <summary>
/// The perspective warp between the frame and a bird's-eye view of the road patch ahead. The patch is a trapezoid
/// whose sides run to the vanishing point (the camera's vanishing column at the horizon), so it is a rectangle on a flat road.
/// </summary>
public sealed class LaneProjection : IDisposable
{
    public LaneProjection(int frameWidth, int frameHeight, CameraModel camera, LaneDetectorOptions options)
    {
        FrameWidth = frameWidth;
        FrameHeight = frameHeight;
        CameraHeightMeters = camera.MountingHeightMeters;
        BirdSize = new Size(options.BirdWidth, options.BirdHeight);
        var horizon = camera.HorizonY(frameHeight);
        NearRow = frameHeight * options.NearRowFraction;
        FarRow = Math.Max(frameHeight * options.FarRowFraction, horizon + 0.04 * frameHeight);
        var nearHalf = frameWidth * options.NearHalfWidthFraction;
        var farHalf = nearHalf * (FarRow - horizon) / (NearRow - horizon);
        var cx = camera.VanishingColumnX(frameWidth);
        Point2f[] source =
        [
            new((float)(cx - farHalf), (float)FarRow), new((float)(cx + farHalf), (float)FarRow),
            new((float)(cx + nearHalf), (float)NearRow), new((float)(cx - nearHalf), (float)NearRow),
        ];
        Point2f[] bird = [new(0, 0), new(BirdSize.Width, 0), new(BirdSize.Width, BirdSize.Height), new(0, BirdSize.Height)];
        ToBird = Cv2.GetPerspectiveTransform(source, bird);
        ToFrame = Cv2.GetPerspectiveTransform(bird, source);
        _toBird = ReadMatrix(ToBird);
        _toFrame = ReadMatrix(ToFrame);
        DepthMeters = camera.GroundDistance(FarRow, frameWidth, frameHeight)!.Value - camera.GroundDistance(NearRow, frameWidth, frameHeight)!.Value;
        NearWidthMeters = 2 * nearHalf * camera.GroundDistance(NearRow, frameWidth, frameHeight)!.Value / camera.FocalPixels(frameWidth);
    }

    /// <summary>The shadow under a vehicle reaches this share of its box height below the box.</summary>
    private const float ShadowFraction = 0.15f;

    private readonly double[] _toBird;
    private readonly double[] _toFrame;

    public int FrameWidth { get; }
    public int FrameHeight { get; }

    /// <summary>The camera height the view was built for (its metres scale with it).</summary>
    public double CameraHeightMeters { get; }
    public Size BirdSize { get; }
    public double NearRow { get; }

    public double FarRow { get; }
    public Mat ToBird { get; }
    public Mat ToFrame { get; }

    /// <summary>Ground distance from the near to the far edge of the road patch (bird's-eye rows are linear in it).</summary>
    public double DepthMeters { get; }

    /// <summary>Ground width covered by the whole bird's-eye image (every row, on a flat road).</summary>
    public double NearWidthMeters { get; }

    /// <summary>A frame point in normalised bird's-eye coordinates (u across, v down: 0 far, 1 near).</summary>
    public (double U, double V) FrameToBird(double x, double y)
    {
        var m = _toBird;
        var w = m[6] * x + m[7] * y + m[8];
        return ((m[0] * x + m[1] * y + m[2]) / w / BirdSize.Width, (m[3] * x + m[4] * y + m[5]) / w / BirdSize.Height);
    }

    /// <summary>
    /// The part of the bird's-eye view (its pixels) a box standing on the road hides, or null when it stands beyond
    /// the patch: from its ground contact (bottom edge) to the far edge. Seen from above, an upright object fans out
    /// away from the camera, so the span across is the widest of its columns over the patch's rows. The shadow
    /// under it, just below its box, moves with it too.
    /// </summary>
    public Rect? BirdFootprint(Rect2f box)
    {
        var bottom = Math.Min(box.Bottom + ShadowFraction * box.Height, NearRow);
        if (bottom <= FarRow) return null;
        var top = Math.Max(box.Top, FarRow);
        double[] rows = [bottom, top];
        var us = rows.SelectMany(y => new[] { FrameToBird(box.Left, y).U, FrameToBird(box.Right, y).U }).ToArray();
        var (left, right) = (Math.Max(0, us.Min()), Math.Min(1, us.Max()));
        if (right <= left) return null;
        var near = Math.Clamp(FrameToBird(box.X + box.Width / 2, bottom).V, 0, 1);
        var x = (int)(left * BirdSize.Width);
        return new Rect(x, 0, (int)Math.Ceiling(right * BirdSize.Width) - x, (int)Math.Ceiling(near * BirdSize.Height) + 2);
    }

    /// <summary>The frame-to-bird warp for an image of the frame scaled to <paramref name="size"/> (a model's mask).</summary>
    public Mat ToBirdFrom(Size size)
    {
        if (_scaledSize == size && _toBirdScaled is not null) return _toBirdScaled;
        _toBirdScaled?.Dispose();
        double[] scale = [FrameWidth / (double)size.Width, FrameHeight / (double)size.Height, 1];
        _toBirdScaled = new Mat(3, 3, MatType.CV_64FC1);
        for (var r = 0; r < 3; r++)
        for (var c = 0; c < 3; c++) _toBirdScaled.Set(r, c, _toBird[r * 3 + c] * scale[c]);
        _scaledSize = size;
        return _toBirdScaled;
    }

    private Mat? _toBirdScaled;
    private Size _scaledSize;

    /// <summary>A normalised bird's-eye point (u across, v down: 0 far, 1 near) in frame pixels.</summary>
    public (double X, double Y) BirdToFramePoint(double u, double v)
    {
        var (x, y) = (u * BirdSize.Width, v * BirdSize.Height);
        var m = _toFrame;
        var w = m[6] * x + m[7] * y + m[8];
        return ((m[0] * x + m[1] * y + m[2]) / w, (m[3] * x + m[4] * y + m[5]) / w);
    }

    public Point2f[] LineToFrame(LanePolynomial line, int samples = 12)
    {
        var bird = new Point2f[samples];
        for (var i = 0; i < samples; i++)
        {
            var v = i / (double)(samples - 1);
            bird[i] = new Point2f((float)(line.At(v) * BirdSize.Width), (float)(v * BirdSize.Height));
        }
        return Cv2.PerspectiveTransform(bird, ToFrame);
    }

    private static double[] ReadMatrix(Mat m)
    {
        var values = new double[9];
        for (var r = 0; r < 3; r++)
        for (var c = 0; c < 3; c++) values[r * 3 + c] = m.At<double>(r, c);
        return values;
    }

    public void Dispose()
    {
        ToBird.Dispose();
        ToFrame.Dispose();
        _toBirdScaled?.Dispose();
    }
}
