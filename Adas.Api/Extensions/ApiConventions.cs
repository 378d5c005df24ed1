using System.Text.Json;
using System.Text.Json.Serialization;
using FastEndpoints;

namespace Adas.Api.Extensions;

/// <summary>JSON and binding conventions: enums are snake_case strings everywhere (bodies, query, forms, OpenAPI).</summary>
public static class ApiConventions
{
    public static JsonStringEnumConverter EnumConverter() => new(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false);

    public static void AddApiConventions(this IHostApplicationBuilder builder) =>
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(EnumConverter()));

    public static void ApplyApiConventions(this Config config)
    {
        config.Serializer.Options.Converters.Add(EnumConverter());
        config.Binding.ValueParserWhen(p => EnumType(p.PropertyType) is not null, (value, type) =>
        {
            var text = value?.ToString();
            var enumType = EnumType(type)!;
            if (string.IsNullOrWhiteSpace(text)) return new ParseResult(Nullable.GetUnderlyingType(type) is not null, null);
            return TryParseSnakeCase(enumType, text, out var result) ? new ParseResult(true, result) : new ParseResult(false, null);
        });
    }

    public static bool TryParseSnakeCase(Type enumType, string text, out object? value)
    {
        value = null;
        var name = text.Trim().Replace("_", "", StringComparison.Ordinal);
        if (name.Length == 0 || !char.IsLetter(name[0])) return false;
        return Enum.TryParse(enumType, name, ignoreCase: true, out value);
    }

    private static Type? EnumType(Type type) => (Nullable.GetUnderlyingType(type) ?? type) is { IsEnum: true } e ? e : null;
}
