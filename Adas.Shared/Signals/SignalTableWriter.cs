using ParquetSharp;
using Adas.Shared.Signals;

namespace Adas.Shared.Signals;

/// <summary>
/// Writes rows of buffered columns to a Parquet file, one row group per <see cref="RowGroupRows"/> rows, so memory
/// stays flat however long the video. A row sets the columns it has; <see cref="EndRow"/> leaves the rest null.
/// </summary>
public sealed class SignalTableWriter : IDisposable
{
    public const int RowGroupRows = 16_384;

    private readonly ISignalColumn[] _columns;
    private readonly ParquetFileWriter _file;
    private int _rows;
    private bool _closed;

    public SignalTableWriter(string path, IReadOnlyList<ISignalColumn> columns, IReadOnlyDictionary<string, string> metadata)
    {
        _columns = [.. columns];
        using var properties = Properties(_columns);
        _file = new ParquetFileWriter(path, [.. _columns.Select(c => c.Definition)], properties, metadata);
    }

    public long TotalRows { get; private set; }

    /// <summary>
    /// Zstandard; measurements (doubles and floats) byte-stream-split, which lets it find the repeated exponent and
    /// sign bytes of slowly changing values: about a third smaller than dictionary-encoded doubles.
    /// </summary>
    private static WriterProperties Properties(IEnumerable<ISignalColumn> columns)
    {
        var builder = new WriterPropertiesBuilder().Compression(Compression.Zstd);
        foreach (var column in columns.Where(c => c.ValueType == typeof(double) || c.ValueType == typeof(float)))
            builder = builder.DisableDictionary(column.Definition.Name).Encoding(column.Definition.Name, Encoding.ByteStreamSplit);
        return builder.Build();
    }

    public void EndRow()
    {
        _rows++;
        TotalRows++;
        foreach (var column in _columns)
            while (column.Count < _rows) column.AddDefault();
        if (_rows >= RowGroupRows) Flush();
    }

    public void Close()
    {
        if (_closed) return;
        Flush();
        _file.Close();
        _closed = true;
    }

    private void Flush()
    {
        if (_rows == 0) return;
        using var rowGroup = _file.AppendRowGroup();
        foreach (var column in _columns) column.WriteTo(rowGroup);
        rowGroup.Close();
        _rows = 0;
    }

    public void Dispose()
    {
        _file.Dispose();
    }
}
