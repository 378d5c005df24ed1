using ParquetSharp;

namespace Adas.Shared.Signals;

/// <summary>Reads a signals file one row group at a time (memory flat in video length), columns by name.</summary>
public sealed class SignalTableReader : IDisposable
{
    private readonly ParquetFileReader _file;
    private readonly Dictionary<string, int> _columns;

    public SignalTableReader(string path)
    {
        _file = new ParquetFileReader(path);
        Metadata = _file.FileMetaData.KeyValueMetadata;
        var version = Metadata.GetValueOrDefault(SignalsFile.SchemaVersionKey);
        if (version != SignalsFile.SchemaVersion)
            throw new InvalidDataException($"Signals schema version {version ?? "(none)"} is not the supported {SignalsFile.SchemaVersion}.");
        var schema = _file.FileMetaData.Schema;
        _columns = Enumerable.Range(0, schema.NumColumns).ToDictionary(i => schema.Column(i).Name);
    }

    public IReadOnlyDictionary<string, string> Metadata { get; }
    public string Pipeline => Metadata.GetValueOrDefault(SignalsFile.PipelineKey) ?? "";
    public double Fps => double.Parse(Metadata[SignalsFile.FpsKey], System.Globalization.CultureInfo.InvariantCulture);

    public IEnumerable<SignalRowGroup> RowGroups()
    {
        for (var i = 0; i < _file.FileMetaData.NumRowGroups; i++)
        {
            using var rowGroup = _file.RowGroup(i);
            yield return new SignalRowGroup(rowGroup, _columns);
        }
    }

    public void Dispose() => _file.Dispose();
}

/// <summary>The columns of one row group, read on demand.</summary>
public sealed class SignalRowGroup(RowGroupReader rowGroup, IReadOnlyDictionary<string, int> columns)
{
    public int Rows { get; } = checked((int)rowGroup.MetaData.NumRows);

    public T[] Read<T>(ISignalColumn column) => Read<T>(column.Definition.Name);

    /// <summary>A column added after the first files were written: their rows read as the type's default (null).</summary>
    public T[] ReadAdded<T>(ISignalColumn column) =>
        columns.ContainsKey(column.Definition.Name) ? Read<T>(column) : new T[Rows];

    public T[] Read<T>(string name)
    {
        using var reader = rowGroup.Column(columns[name]).LogicalReader<T>();
        return reader.ReadAll(Rows);
    }
}
