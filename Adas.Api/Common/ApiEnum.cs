namespace Adas.Api.Common;

/// <summary>Enums travel as snake_case strings (<c>in_cabin</c>); this reads them back.</summary>
public static class ApiEnum
{
    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        value = default;
        return text is { Length: > 0 } && !text.Any(char.IsDigit)
            && Enum.TryParse(text.Replace("_", ""), ignoreCase: true, out value);
    }

    public static T? ParseOrNull<T>(string? text) where T : struct, Enum => TryParse<T>(text, out var v) ? v : null;

    public static string Values<T>() where T : struct, Enum =>
        string.Join(", ", Enum.GetNames<T>().Select(n => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(n)));
}
