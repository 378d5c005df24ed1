using ParquetSharp;

namespace Adas.Shared.Signals;

/// <summary>One column of a signals file: values buffered for the current row group, then written and cleared.</summary>
public interface ISignalColumn
{
    Column Definition { get; }
    Type ValueType { get; }
    int Count { get; }
    void AddDefault();
    object?[] ReadValues(SignalRowGroup rowGroup);
    void WriteTo(RowGroupWriter rowGroup);
}

public sealed class SignalColumn<T>(string name) : ISignalColumn
{
    private readonly List<T> _values = [];

    public Column Definition { get; } = new Column<T>(name);
    public Type ValueType => Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
    public int Count => _values.Count;

    public void Add(T value) => _values.Add(value);
    public object?[] ReadValues(SignalRowGroup rowGroup) => [.. rowGroup.Read<T>(Definition.Name).Select(v => (object?)v)];
    public void AddDefault() => _values.Add(default!);

    public void WriteTo(RowGroupWriter rowGroup)
    {
        using var writer = rowGroup.NextColumn().LogicalWriter<T>();
        writer.WriteBatch(_values.ToArray());
        _values.Clear();
    }
}
