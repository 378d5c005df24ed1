using System.Globalization;

namespace Adas.Web.Api;

/// <summary>Builds "path?name=value&amp;..." from the values that are set.</summary>
public static class ApiQuery
{
    public static string Build(string path, params (string Name, object? Value)[] parameters)
    {
        var set = parameters.Where(p => p.Value is not null && p.Value is not "")
            .Select(p => $"{p.Name}={Uri.EscapeDataString(Format(p.Value!))}").ToList();
        return set.Count == 0 ? path : $"{path}?{string.Join('&', set)}";
    }

    private static string Format(object value) => value switch
    {
        DateTime time => time.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
