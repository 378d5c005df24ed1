using DuckDB.NET.Data;

namespace Adas.Tests.Perception.Signals;

/// <summary>A second, independent reader of signals files (DuckDB's own Parquet reader) for the tests.</summary>
public static class DuckDbSignals
{
    public static T Scalar<T>(string sql)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)Convert.ChangeType(command.ExecuteScalar()!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static List<(string Column, long Bytes)> CompressedBytesByColumn(string path)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT path_in_schema, CAST(sum(total_compressed_size) AS BIGINT) FROM parquet_metadata('{path}') GROUP BY 1 ORDER BY 2 DESC";
        using var reader = command.ExecuteReader();
        var rows = new List<(string, long)>();
        while (reader.Read()) rows.Add((reader.GetString(0), Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture)));
        return rows;
    }
}
