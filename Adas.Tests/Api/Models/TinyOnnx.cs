using System.Text;

namespace Adas.Tests.Api.Models;

/// <summary>
/// Writes a minimal ONNX model (protobuf by hand): one float input of the given shape, unused, and one output that is a
/// Constant of zeros of the given shape. Enough for ONNX Runtime to load and report the shapes a real model would have.
/// </summary>
public static class TinyOnnx
{
    /// <param name="externalData">When given, the constant's data is "stored" in that external file instead (data_location EXTERNAL).</param>
    public static byte[] Model(string inputName, long[] inputShape, string outputName, long[] outputShape, string? externalData = null)
    {
        var elements = outputShape.Aggregate(1L, (a, b) => a * b);
        var tensor = Message(w =>
        {
            foreach (var dim in outputShape) w.Varint(1, (ulong)dim);
            w.Varint(2, 1); // FLOAT
            if (externalData is null)
            {
                w.Bytes(9, new byte[elements * 4]);
                return;
            }
            w.Bytes(13, Message(e => { e.String(1, "location"); e.String(2, externalData); }));
            w.Varint(14, 1); // EXTERNAL
        });
        var attribute = Message(w => { w.String(1, "value"); w.Bytes(5, tensor); w.Varint(20, 4); }); // TENSOR
        var node = Message(w => { w.String(2, outputName); w.String(4, "Constant"); w.Bytes(5, attribute); });
        var graph = Message(w =>
        {
            w.Bytes(1, node);
            w.String(2, "tiny");
            w.Bytes(11, ValueInfo(inputName, inputShape));
            w.Bytes(12, ValueInfo(outputName, outputShape));
        });
        var opset = Message(w => { w.String(1, ""); w.Varint(2, 13); });
        return Message(w => { w.Varint(1, 8); w.Bytes(7, graph); w.Bytes(8, opset); });
    }

    private static byte[] ValueInfo(string name, long[] shape)
    {
        var dims = Message(w => { foreach (var d in shape) w.Bytes(1, Message(x => x.Varint(1, (ulong)d))); });
        var tensorType = Message(w => { w.Varint(1, 1); w.Bytes(2, dims); });
        var type = Message(w => w.Bytes(1, tensorType));
        return Message(w => { w.String(1, name); w.Bytes(2, type); });
    }

    private static byte[] Message(Action<Writer> write)
    {
        var writer = new Writer();
        write(writer);
        return writer.Stream.ToArray();
    }

    private sealed class Writer
    {
        public MemoryStream Stream { get; } = new();

        public void Varint(int field, ulong value)
        {
            Raw((ulong)(field << 3));
            Raw(value);
        }

        public void Bytes(int field, byte[] bytes)
        {
            Raw((ulong)(field << 3 | 2));
            Raw((ulong)bytes.Length);
            Stream.Write(bytes);
        }

        public void String(int field, string text) => Bytes(field, Encoding.UTF8.GetBytes(text));

        private void Raw(ulong value)
        {
            while (value >= 0x80)
            {
                Stream.WriteByte((byte)(value | 0x80));
                value >>= 7;
            }
            Stream.WriteByte((byte)value);
        }
    }
}
