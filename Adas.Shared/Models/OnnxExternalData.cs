namespace Adas.Shared.Models;

/// <summary>
/// Whether an ONNX file keeps any tensor's data in an external file (TensorProto.data_location = EXTERNAL or an
/// external_data entry). Such a model names a path that ONNX Runtime would open beside it (or anywhere, with ../), so
/// uploads must be self-contained. Walks the protobuf: graph initializers, sparse initializers, node attributes and
/// their subgraphs.
/// </summary>
public static class OnnxExternalData
{
    private const int ModelGraph = 7;
    private const int GraphNode = 1, GraphInitializer = 5, GraphSparseInitializer = 15;
    private const int NodeAttribute = 5;
    private const int AttributeTensor = 5, AttributeGraph = 6, AttributeTensors = 10, AttributeGraphs = 11, AttributeSparseTensor = 22, AttributeSparseTensors = 23;
    private const int SparseValues = 1, SparseIndices = 2;
    private const int TensorExternalData = 13, TensorDataLocation = 14;

    /// <summary>True when some tensor refers to external data; false when none does. Throws <see cref="InvalidDataException"/> on malformed protobuf.</summary>
    public static bool IsReferenced(ReadOnlySpan<byte> model)
    {
        foreach (var (field, graph) in LengthDelimited(model))
            if (field == ModelGraph && InGraph(graph)) return true;
        return false;
    }

    private static bool InGraph(ReadOnlySpan<byte> graph)
    {
        foreach (var (field, value) in LengthDelimited(graph))
        {
            var found = field switch
            {
                GraphNode => InNode(value),
                GraphInitializer => InTensor(value),
                GraphSparseInitializer => InSparse(value),
                _ => false,
            };
            if (found) return true;
        }
        return false;
    }

    private static bool InNode(ReadOnlySpan<byte> node)
    {
        foreach (var (field, attribute) in LengthDelimited(node))
            if (field == NodeAttribute && InAttribute(attribute)) return true;
        return false;
    }

    private static bool InAttribute(ReadOnlySpan<byte> attribute)
    {
        foreach (var (field, value) in LengthDelimited(attribute))
        {
            var found = field switch
            {
                AttributeTensor or AttributeTensors => InTensor(value),
                AttributeGraph or AttributeGraphs => InGraph(value),
                AttributeSparseTensor or AttributeSparseTensors => InSparse(value),
                _ => false,
            };
            if (found) return true;
        }
        return false;
    }

    private static bool InSparse(ReadOnlySpan<byte> sparse)
    {
        foreach (var (field, value) in LengthDelimited(sparse))
            if (field is SparseValues or SparseIndices && InTensor(value)) return true;
        return false;
    }

    private static bool InTensor(ReadOnlySpan<byte> tensor)
    {
        var reader = new Reader(tensor);
        while (reader.Next(out var field, out var wireType, out var varint, out _))
        {
            if (field == TensorExternalData && wireType == 2) return true;
            if (field == TensorDataLocation && wireType == 0 && varint != 0) return true;
        }
        return false;
    }

    private static List<(int Field, byte[] Value)> LengthDelimited(ReadOnlySpan<byte> message)
    {
        var fields = new List<(int, byte[])>();
        var reader = new Reader(message);
        while (reader.Next(out var field, out var wireType, out _, out var bytes))
            if (wireType == 2) fields.Add((field, bytes));
        return fields;
    }

    private ref struct Reader(ReadOnlySpan<byte> data)
    {
        private readonly ReadOnlySpan<byte> _data = data;
        private int _at;

        public bool Next(out int field, out int wireType, out ulong varint, out byte[] bytes)
        {
            field = wireType = 0;
            varint = 0;
            bytes = [];
            if (_at >= _data.Length) return false;
            var key = Varint();
            field = (int)(key >> 3);
            wireType = (int)(key & 7);
            switch (wireType)
            {
                case 0: varint = Varint(); break;
                case 1: Skip(8); break;
                case 2:
                    var length = Varint();
                    if (length > (ulong)(_data.Length - _at)) throw new InvalidDataException("A field runs past the end of the file.");
                    bytes = _data.Slice(_at, (int)length).ToArray();
                    _at += (int)length;
                    break;
                case 5: Skip(4); break;
                default: throw new InvalidDataException($"Unknown protobuf wire type {wireType}.");
            }
            return true;
        }

        private void Skip(int count)
        {
            if (_at + count > _data.Length) throw new InvalidDataException("A field runs past the end of the file.");
            _at += count;
        }

        private ulong Varint()
        {
            ulong value = 0;
            for (var shift = 0; shift < 64; shift += 7)
            {
                if (_at >= _data.Length) throw new InvalidDataException("A varint runs past the end of the file.");
                var b = _data[_at++];
                value |= (ulong)(b & 0x7f) << shift;
                if (b < 0x80) return value;
            }
            throw new InvalidDataException("A varint is too long.");
        }
    }
}
