namespace Adas.Shared.Signals;

/// <summary>A signals file as plain rows of values (for CSV and other exports), one row group in memory at a time.</summary>
public static class SignalRows
{
    public static IReadOnlyList<ISignalColumn> ColumnsOf(string pipeline) => pipeline switch
    {
        SignalsFile.RoadPipeline => new RoadSignalColumns().All,
        SignalsFile.DriverPipeline => new DriverSignalColumns().All,
        _ => throw new InvalidDataException($"Unknown signals pipeline '{pipeline}'."),
    };

    public static IEnumerable<object?[]> Read(SignalTableReader reader, IReadOnlyList<ISignalColumn> columns)
    {
        foreach (var group in reader.RowGroups())
        {
            var values = columns.Select(c => c.ReadValues(group)).ToArray();
            for (var i = 0; i < group.Rows; i++)
            {
                var row = new object?[values.Length];
                for (var c = 0; c < values.Length; c++) row[c] = values[c][i];
                yield return row;
            }
        }
    }
}
