using OpenCvSharp;

namespace Adas.Perception.Onnx;

/// <summary>Writes an 8-bit BGR (or grey) image into a model's float input, planar (NCHW) or interleaved (NHWC).</summary>
public static class ImageTensor
{
    public static unsafe void FillPlanar(Mat image, Span<float> tensor, PixelScaling scaling)
    {
        var (width, height, channels) = Check(image, tensor);
        var plane = width * height;
        var (scale, offset) = (scaling.Scale, scaling.Offset);
        var (blue, red) = scaling.Order == ChannelOrder.Rgb ? (2 * plane, 0) : (0, 2 * plane);
        fixed (float* dst = tensor)
        {
            for (var y = 0; y < height; y++)
            {
                var src = (byte*)image.Ptr(y);
                var at = dst + y * width;
                if (channels == 1)
                {
                    for (var x = 0; x < width; x++) at[x] = src[x] * scale + offset;
                    continue;
                }
                for (var x = 0; x < width; x++, src += 3)
                {
                    at[blue + x] = src[0] * scale + offset;
                    at[plane + x] = src[1] * scale + offset;
                    at[red + x] = src[2] * scale + offset;
                }
            }
        }
    }

    public static unsafe void FillInterleaved(Mat image, Span<float> tensor, PixelScaling scaling)
    {
        var (width, height, channels) = Check(image, tensor);
        var (scale, offset) = (scaling.Scale, scaling.Offset);
        var (blue, red) = scaling.Order == ChannelOrder.Rgb ? (2, 0) : (0, 2);
        fixed (float* dst = tensor)
        {
            for (var y = 0; y < height; y++)
            {
                var src = (byte*)image.Ptr(y);
                var at = dst + y * width * channels;
                if (channels == 1)
                {
                    for (var x = 0; x < width; x++) at[x] = src[x] * scale + offset;
                    continue;
                }
                for (var x = 0; x < width; x++, src += 3, at += 3)
                {
                    at[blue] = src[0] * scale + offset;
                    at[1] = src[1] * scale + offset;
                    at[red] = src[2] * scale + offset;
                }
            }
        }
    }

    private static (int Width, int Height, int Channels) Check(Mat image, Span<float> tensor)
    {
        var channels = image.Channels();
        if (image.Depth() != MatType.CV_8U || channels is not (1 or 3))
            throw new ArgumentException($"An 8-bit grey or BGR image is expected, not {image.Type()}.", nameof(image));
        if (tensor.Length < channels * image.Width * image.Height)
            throw new ArgumentException("The tensor is smaller than the image.", nameof(tensor));
        return (image.Width, image.Height, channels);
    }
}
