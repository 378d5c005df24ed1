using OpenCvSharp;

namespace Adas.Perception.Road.Lanes;

/// <summary>
/// Lane-paint pixels of the bird's-eye view, where lane lines run vertically: white paint as a stripe, pixels clearly
/// brighter (HLS lightness) than the road on BOTH sides of them (the mean a little to the left and a little to the
/// right), so a step edge (the foot of a barrier, the edge of a shadow or of a pale bridge deck) does not count, nor do
/// bright concrete, glare or crossings; and yellow paint by HLS hue where it is clearly more saturated than the road
/// beside it (beige concrete has a yellow hue too). With a lane-segmentation mask from the model (a few frames old),
/// paint counts only near the lines the model found and the model's own line pixels are added. All buffers are reused.
/// </summary>
public sealed class LaneMaskBuilder : IDisposable
{
    private const int BackgroundWidth = 21;

    /// <summary>The road each side of a stripe: this many bird's-eye pixels, starting <see cref="StripeGap"/> away (a line is 2-5 px wide).</summary>
    private const int SideWidth = 8, StripeGap = 4;

    private const int MinContrast = 22;
    private const int MinLightness = 100;
    private const int MinLightnessAboveRoad = 30;

    private static readonly Mat LeftKernel = SideKernel(left: true), RightKernel = SideKernel(left: false);
    private readonly Mat _bird = new();
    private readonly Mat _hls = new();
    private readonly Mat _lightness = new();
    private readonly Mat _background = new();
    private readonly Mat _contrast = new();
    private readonly Mat _otherSide = new();
    private readonly Mat _bright = new();
    private readonly Mat _yellow = new();
    private readonly Mat _saturation = new();
    private readonly Mat _saturationContrast = new();
    private readonly Mat _modelBird = new();
    private readonly Mat _nearModel = new();
    private readonly Mat _blueYellow = new();
    private readonly Mat _yellowStripe = new();
    private readonly Mat _redGreen = new();

    public Mat Mask { get; } = new();

    /// <summary>HLS lightness of the last bird's-eye view.</summary>
    public Mat Lightness => _lightness;

    /// <summary>Whether the last mask was gated by the model's lines.</summary>
    public bool UsedModel { get; private set; }

    public Mat Build(Mat frame, LaneProjection projection, Mat? modelMask = null, LaneDetectorOptions? options = null)
    {
        Cv2.WarpPerspective(frame, _bird, projection.ToBird, projection.BirdSize, InterpolationFlags.Linear,
            BorderTypes.Replicate);
        Cv2.CvtColor(_bird, _hls, ColorConversionCodes.BGR2HLS);
        Cv2.ExtractChannel(_hls, _lightness, 1);
        StripeContrast(_lightness, _contrast);
        Cv2.Threshold(_contrast, Mask, MinContrast, 255, ThresholdTypes.Binary);
        // Paint is bright, but on dim footage (dusk, overcast, a dark exposure) it stays under the fixed floor: the floor
        // comes down to this much above the road's mean lightness.
        var floor = Math.Min(MinLightness, Cv2.Mean(_lightness).Val0 + MinLightnessAboveRoad);
        Cv2.Threshold(_lightness, _bright, floor, 255, ThresholdTypes.Binary);
        Cv2.BitwiseAnd(Mask, _bright, Mask);
        Cv2.InRange(_hls, new Scalar(14, 70, 70), new Scalar(38, 255, 255), _yellow);
        Cv2.ExtractChannel(_hls, _saturation, 2);
        Cv2.Blur(_saturation, _background, new Size(BackgroundWidth, 1), new Point(-1, -1), BorderTypes.Replicate);
        Cv2.Subtract(_saturation, _background, _saturationContrast);
        Cv2.Threshold(_saturationContrast, _saturationContrast, MinContrast, 255, ThresholdTypes.Binary);
        Cv2.BitwiseAnd(_yellow, _saturationContrast, _yellow);
        Cv2.BitwiseOr(Mask, _yellow, Mask);
        YellowStripes();
        Cv2.BitwiseOr(Mask, _yellowStripe, Mask);
        UsedModel = modelMask is not null && options is not null && GateByModel(modelMask, projection, options);
        return Mask;
    }

    /// <summary>
    /// Yellow paint as a stripe on a blue-yellow axis, (R + G) / 2 - B, as Lab's b* is but a linear sum (Lab costs
    /// 0.9 ms a frame): yellower than the road on both sides, as white paint is brighter. Hue and saturation fail where
    /// the line is thin and the video's colour is at half resolution (a yellow line beside a dark tar seam on pale
    /// concrete, at 640x360), while this axis still stands out of grey, dark and pale road alike; a broad yellowish
    /// surface (beige concrete, dry grass) is no stripe. Orange (barrels, cones, tail-light glow) is as yellow but far
    /// redder (R - G), and in the dark the axis is noise.
    /// </summary>
    private void YellowStripes()
    {
        Cv2.Transform(_bird, _blueYellow, BlueYellowAxis);
        StripeContrast(_blueYellow, _yellowStripe);
        Cv2.Threshold(_yellowStripe, _yellowStripe, MinYellowContrast, 255, ThresholdTypes.Binary);
        Cv2.Transform(_bird, _redGreen, RedGreenAxis);
        Cv2.Threshold(_redGreen, _redGreen, MaxYellowRedness, 255, ThresholdTypes.BinaryInv);
        Cv2.BitwiseAnd(_yellowStripe, _redGreen, _yellowStripe);
        Cv2.Threshold(_lightness, _redGreen, MinYellowLightness, 255, ThresholdTypes.Binary);
        Cv2.BitwiseAnd(_yellowStripe, _redGreen, _yellowStripe);
    }

    /// <summary>How much a pixel stands above the mean of the road a little to its left and a little to its right, the lesser of the two (0 when below either).</summary>
    private void StripeContrast(Mat channel, Mat contrast)
    {
        Cv2.Filter2D(channel, _background, MatType.CV_8U, LeftKernel, new Point(-1, -1), 0, BorderTypes.Replicate);
        Cv2.Subtract(channel, _background, contrast);
        Cv2.Filter2D(channel, _background, MatType.CV_8U, RightKernel, new Point(-1, -1), 0, BorderTypes.Replicate);
        Cv2.Subtract(channel, _background, _otherSide);
        Cv2.Min(contrast, _otherSide, contrast);
    }

    /// <summary>(R + G) / 2 - B + 128 from a BGR pixel (the last column is the offset).</summary>
    private static readonly Mat BlueYellowAxis = Mat.FromArray(new float[,] { { -1f, 0.5f, 0.5f, 128f } });

    /// <summary>R - G + 128.</summary>
    private static readonly Mat RedGreenAxis = Mat.FromArray(new float[,] { { 0f, -1f, 1f, 128f } });

    /// <summary>How much yellower (on the blue-yellow axis) a stripe is than the road on both sides.</summary>
    private const int MinYellowContrast = 35;

    private const int MinYellowLightness = 70;

    /// <summary>The most red a yellow stripe may be (R - G + 128): yellow paint is about 10-40 redder, orange 100 and more.</summary>
    private const int MaxYellowRedness = 128 + 60;

    /// <summary>A horizontal mean over <see cref="SideWidth"/> pixels, <see cref="StripeGap"/> to one side of the centre.</summary>
    private static Mat SideKernel(bool left)
    {
        var size = 2 * (StripeGap + SideWidth) + 1;
        var kernel = new Mat(1, size, MatType.CV_32FC1, Scalar.All(0));
        for (var i = 0; i < SideWidth; i++)
            kernel.Set(0, left ? i : size - 1 - i, 1f / SideWidth);
        return kernel;
    }

    private bool GateByModel(Mat modelMask, LaneProjection projection, LaneDetectorOptions options)
    {
        Cv2.WarpPerspective(modelMask, _modelBird, projection.ToBirdFrom(modelMask.Size()), projection.BirdSize,
            InterpolationFlags.Linear, BorderTypes.Constant, Scalar.All(0));
        Cv2.Threshold(_modelBird, _modelBird, 64, 255, ThresholdTypes.Binary);
        if (Cv2.CountNonZero(_modelBird) < options.MinModelPixels) return false;
        var reach = Math.Max(1, (int)Math.Round(options.ModelGateFraction * projection.BirdSize.Width));
        using var kernel = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(2 * reach + 1, 1));
        Cv2.Dilate(_modelBird, _nearModel, kernel);
        Cv2.BitwiseAnd(Mask, _nearModel, Mask);
        Cv2.BitwiseOr(Mask, _modelBird, Mask);
        return true;
    }

    public void Dispose()
    {
        foreach (var m in (Mat[])[_bird, _hls, _lightness, _background, _contrast, _otherSide, _bright, _yellow, _saturation, _saturationContrast, _modelBird, _nearModel, _blueYellow, _yellowStripe, _redGreen, Mask]) m.Dispose();
    }
}
