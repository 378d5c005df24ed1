using System.Text.Json;
using System.Text.Json.Serialization;
using Adas.Api.OpenApi;
using Adas.Data.Entities;
using FastEndpoints;
using Microsoft.AspNetCore.OpenApi;

namespace Adas.Api.Extensions;

/// <summary>JSON and binding conventions: enums are snake_case strings everywhere (bodies, query, forms, OpenAPI).</summary>
public static class ApiConventions
{
    public static JsonStringEnumConverter EnumConverter() => new(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false);

    public static void AddApiConventions(this IHostApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(EnumConverter()));
        builder.Services.Configure<OpenApiOptions>("v1", options =>
        {
            options.CreateSchemaReferenceId = SchemaNames.For;
            options.AddOperationTransformer<RequestParametersTransformer>();
            options.AddOperationTransformer<OperationDocsTransformer>();
            options.AddDocumentTransformer<ResourceTagsTransformer>();
        });
    }

    public static void ApplyApiConventions(this Config config)
    {
        config.Serializer.Options.Converters.Add(EnumConverter());
        foreach (var enumType in typeof(UserRole).Assembly.GetTypes().Where(t => t is { IsEnum: true, IsPublic: true }))
        {
            config.Binding.ValueParserFor(enumType, input => Parse(enumType, input.ToString(), nullable: false));
            config.Binding.ValueParserFor(typeof(Nullable<>).MakeGenericType(enumType), input => Parse(enumType, input.ToString(), nullable: true));
        }
    }

    private static ParseResult Parse(Type enumType, string? text, bool nullable) =>
        string.IsNullOrWhiteSpace(text) ? new ParseResult(nullable, null)
        : TryParseSnakeCase(enumType, text, out var value) ? new ParseResult(true, value)
        : new ParseResult(false, null);

    /// <summary>An enum value as the API writes it, e.g. CameraOrVideoProblem as camera_or_video_problem.</summary>
    public static string SnakeCase<T>(T value) where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    public static bool TryParseSnakeCase(Type enumType, string text, out object? value)
    {
        value = null;
        var name = text.Trim().Replace("_", "", StringComparison.Ordinal);
        if (name.Length == 0 || !char.IsLetter(name[0])) return false;
        return Enum.TryParse(enumType, name, ignoreCase: true, out value);
    }
}
