using Adas.Perception.Onnx;
using OpenCvSharp;

namespace Adas.Tests.Perception.Onnx;

/// <summary>The one image-to-tensor fill every model uses: channel order, scaling and layout on a known 2x1 picture.</summary>
public sealed class ImageTensorTests
{
    // pixel (0,0) BGR (10, 20, 30), pixel (1,0) BGR (40, 50, 60)
    private static Mat Picture()
    {
        var image = new Mat(1, 2, MatType.CV_8UC3);
        image.Set(0, 0, new Vec3b(10, 20, 30));
        image.Set(0, 1, new Vec3b(40, 50, 60));
        return image;
    }

    [Fact]
    public void Planar_rgb_puts_red_first_and_scales_to_unit()
    {
        using var image = Picture();
        var tensor = new float[6];
        ImageTensor.FillPlanar(image, tensor, PixelScaling.RgbUnit);
        Assert.Equal([30f / 255, 60f / 255, 20f / 255, 50f / 255, 10f / 255, 40f / 255], tensor, Close);
    }

    [Fact]
    public void Planar_bgr_raw_keeps_the_frame_order_and_values()
    {
        using var image = Picture();
        var tensor = new float[6];
        ImageTensor.FillPlanar(image, tensor, PixelScaling.BgrRaw);
        Assert.Equal([10f, 40, 20, 50, 30, 60], tensor);
    }

    [Fact]
    public void Signed_scaling_maps_0_and_255_to_minus_and_plus_one()
    {
        using var image = new Mat(1, 2, MatType.CV_8UC3);
        image.Set(0, 0, new Vec3b(0, 0, 0));
        image.Set(0, 1, new Vec3b(255, 255, 255));
        var tensor = new float[6];
        ImageTensor.FillPlanar(image, tensor, PixelScaling.RgbSigned);
        Assert.Equal([-1f, 1, -1, 1, -1, 1], tensor, Close);
    }

    [Fact]
    public void Interleaved_rgb_writes_each_pixel_red_green_blue()
    {
        using var image = Picture();
        var tensor = new float[6];
        ImageTensor.FillInterleaved(image, tensor, PixelScaling.RgbUnit);
        Assert.Equal([30f / 255, 20f / 255, 10f / 255, 60f / 255, 50f / 255, 40f / 255], tensor, Close);
    }

    [Fact]
    public void A_region_of_a_larger_frame_is_read_row_by_row()
    {
        using var frame = new Mat(3, 4, MatType.CV_8UC1, new OpenCvSharp.Scalar(0));
        frame.Set(1, 1, (byte)51);
        frame.Set(2, 2, (byte)102);
        using var region = new Mat(frame, new Rect(1, 1, 2, 2));
        var tensor = new float[4];
        ImageTensor.FillPlanar(region, tensor, PixelScaling.RgbUnit);
        Assert.Equal([0.2f, 0, 0, 0.4f], tensor, Close);
    }

    [Fact]
    public void A_tensor_smaller_than_the_image_is_refused()
    {
        using var image = Picture();
        Assert.Throws<ArgumentException>(() => ImageTensor.FillPlanar(image, new float[5], PixelScaling.RgbUnit));
    }

    private static readonly IEqualityComparer<float> Close =
        EqualityComparer<float>.Create((a, b) => Math.Abs(a - b) < 1e-6f, v => 0);
}
