namespace Adas.Perception.Detection;

/// <summary>
/// Rewrites fixed dimensions of a graph input or output in a serialized ONNX model, in place. A fully convolutional
/// model exported at one size runs at another once its declared shapes say so; ONNX Runtime offers overrides only
/// for symbolic dimensions. Only a value with the same varint length can be written without re-serialising, so a
/// patch that would change the length is refused (false).
/// </summary>
public static class OnnxShapePatch
{
    // Protobuf field numbers (onnx.proto3): ModelProto.graph, GraphProto.input/output, ValueInfoProto.name/type,
    // TypeProto.tensor_type, TypeProto.Tensor.shape, TensorShapeProto.dim, Dimension.dim_value.
    private const int ModelGraph = 7, GraphInput = 11, GraphOutput = 12, ValueName = 1, ValueType = 2;
    private const int TensorType = 1, TensorShape = 2, ShapeDim = 1, DimValue = 1;

    // GraphProto.value_info (the exporter's shapes of intermediate values) and a field number onnx.proto reserves
    // in GraphProto: parsers skip it as unknown.
    private const int GraphValueInfo = 13, ReservedGraphField = 3;

    /// <summary>Sets the fixed dimensions of graph input (or output) <paramref name="name"/>; null entries stay as they are.</summary>
    public static bool TrySetDimensions(byte[] model, bool input, string name, IReadOnlyList<long?> dimensions)
    {
        var graph = Fields(model, 0, model.Length).FirstOrDefault(f => f.Number == ModelGraph);
        if (graph.Length == 0) return false;
        foreach (var value in Fields(model, graph.Start, graph.Length).Where(f => f.Number == (input ? GraphInput : GraphOutput)))
        {
            var fields = Fields(model, value.Start, value.Length).ToList();
            var nameField = fields.FirstOrDefault(f => f.Number == ValueName);
            if (nameField.Length == 0 || System.Text.Encoding.UTF8.GetString(model, nameField.Start, nameField.Length) != name) continue;
            var dims = DimValues(model, fields).ToList();
            if (dims.Count != dimensions.Count) return false;
            for (var i = 0; i < dims.Count; i++)
                if (dimensions[i] is { } d && (dims[i].Length == 0 || VarintLength(d) != dims[i].Length)) return false;
            for (var i = 0; i < dims.Count; i++)
                if (dimensions[i] is { } d) WriteVarint(model, dims[i].Start, d);
            return true;
        }
        return false;
    }

    /// <summary>
    /// Hides the graph's value_info (the shapes of intermediate values recorded at export), which would contradict a
    /// new input size: each entry's field number becomes a reserved one (same key length), so it is skipped on load
    /// and ONNX Runtime infers those shapes itself.
    /// </summary>
    public static void HideIntermediateShapes(byte[] model)
    {
        var graph = Fields(model, 0, model.Length).FirstOrDefault(f => f.Number == ModelGraph);
        if (graph.Length == 0) return;
        foreach (var info in Fields(model, graph.Start, graph.Length).Where(f => f.Number == GraphValueInfo && f.KeyLength == 1).ToList())
            model[info.KeyStart] = (byte)(ReservedGraphField << 3 | 2);
    }

    private static IEnumerable<Field> DimValues(byte[] model, List<Field> valueFields)
    {
        var type = valueFields.FirstOrDefault(f => f.Number == ValueType);
        var tensor = Fields(model, type.Start, type.Length).FirstOrDefault(f => f.Number == TensorType);
        var shape = Fields(model, tensor.Start, tensor.Length).FirstOrDefault(f => f.Number == TensorShape);
        foreach (var dim in Fields(model, shape.Start, shape.Length).Where(f => f.Number == ShapeDim))
            yield return Fields(model, dim.Start, dim.Length).FirstOrDefault(f => f.Number == DimValue && f.IsVarint);
    }

    /// <summary>A field's number, where its key is, and where its payload is (a varint's bytes, or a length-delimited field's contents).</summary>
    private readonly record struct Field(int Number, int Start, int Length, bool IsVarint, int KeyStart = 0, int KeyLength = 0);

    private static IEnumerable<Field> Fields(byte[] data, int start, int length)
    {
        var i = start;
        var end = start + length;
        while (i < end)
        {
            var keyStart = i;
            var key = ReadVarint(data, ref i);
            var keyLength = i - keyStart;
            var number = (int)(key >> 3);
            switch (key & 7)
            {
                case 0:
                    var at = i;
                    ReadVarint(data, ref i);
                    yield return new Field(number, at, i - at, true, keyStart, keyLength);
                    break;
                case 1: i += 8; break;
                case 2:
                    var size = (int)ReadVarint(data, ref i);
                    yield return new Field(number, i, size, false, keyStart, keyLength);
                    i += size;
                    break;
                case 5: i += 4; break;
                default: yield break;
            }
        }
    }

    private static ulong ReadVarint(byte[] data, ref int i)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = data[i++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return value;
        }
    }

    private static int VarintLength(long value)
    {
        var length = 1;
        for (var v = (ulong)value; v >= 0x80; v >>= 7) length++;
        return length;
    }

    private static void WriteVarint(byte[] data, int at, long value)
    {
        var v = (ulong)value;
        while (v >= 0x80)
        {
            data[at++] = (byte)(v | 0x80);
            v >>= 7;
        }
        data[at] = (byte)v;
    }
}
