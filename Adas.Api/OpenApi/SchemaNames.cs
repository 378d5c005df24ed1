using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;

namespace Adas.Api.OpenApi;

/// <summary>Slice types share short names (Request, Response); their schemas are named after the slice, e.g. TripsListRequest.</summary>
public static class SchemaNames
{
    private const string FeaturesNamespace = "Adas.Api.Features.";

    public static string? For(JsonTypeInfo info)
    {
        var type = info.Type;
        if (type.Namespace?.StartsWith(FeaturesNamespace, StringComparison.Ordinal) == true && !type.IsGenericType
            && type.Name is "Request" or "Response" or "Entry" or "Validator")
            return type.Namespace[FeaturesNamespace.Length..].Replace(".", "", StringComparison.Ordinal) + type.Name;
        return OpenApiOptions.CreateDefaultSchemaReferenceId(info);
    }
}
