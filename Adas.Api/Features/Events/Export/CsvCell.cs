using System.Globalization;

namespace Adas.Api.Features.Events.Export;

/// <summary>CSV cells (RFC 4180) that a spreadsheet never runs as a formula: text starting with = + - @ (or tab, CR) gets a leading '.</summary>
public static class CsvCell
{
    public static string Text(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }

    public static string Number(double? value) => value?.ToString("0.###", CultureInfo.InvariantCulture) ?? "";

    public static string Id(Guid? value) => value?.ToString() ?? "";

    public static string Time(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}
