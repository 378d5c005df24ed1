namespace Adas.Perception.Onnx;

public enum ChannelOrder { Rgb, Bgr }

/// <summary>How a model wants its pixels: channel order and value = (pixel - <see cref="Mean"/>) x <see cref="Scale"/>.</summary>
public readonly record struct PixelScaling(ChannelOrder Order, float Mean, float Scale)
{
    /// <summary>RGB in 0..1.</summary>
    public static PixelScaling RgbUnit { get; } = new(ChannelOrder.Rgb, 0, 1f / 255);

    /// <summary>RGB in -1..1.</summary>
    public static PixelScaling RgbSigned { get; } = new(ChannelOrder.Rgb, 127.5f, 1f / 127.5f);

    /// <summary>BGR 0..255 as they are (YOLOX).</summary>
    public static PixelScaling BgrRaw { get; } = new(ChannelOrder.Bgr, 0, 1);

    /// <summary>The additive term of value = pixel x Scale + Offset.</summary>
    public float Offset => -Mean * Scale;
}
