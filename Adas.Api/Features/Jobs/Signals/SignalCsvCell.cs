using System.Globalization;
using Adas.Api.Features.Events.Export;

namespace Adas.Api.Features.Jobs.Signals;

/// <summary>A signals value as a CSV cell: numbers round-trip exactly, text is escaped as the event export does.</summary>
public static class SignalCsvCell
{
    public static string Of(object? value) => value switch
    {
        null => "",
        string text => CsvCell.Text(text),
        bool flag => flag ? "true" : "false",
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        float number => number.ToString("R", CultureInfo.InvariantCulture),
        IFormattable other => other.ToString(null, CultureInfo.InvariantCulture),
        _ => CsvCell.Text(value.ToString()),
    };
}
