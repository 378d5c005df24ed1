using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FastEndpoints;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Adas.Api.OpenApi;

/// <summary>
/// Describes FastEndpoints request DTOs the way they are bound: route values as path parameters, and for GET,
/// DELETE and body-less requests the remaining properties as query parameters instead of a request body.
/// </summary>
public sealed partial class RequestParametersTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var definition = context.Description.ActionDescriptor.EndpointMetadata.OfType<EndpointDefinition>().FirstOrDefault();
        if (definition is null) return Task.CompletedTask;

        var routeNames = RouteParameter().Matches(context.Description.RelativePath ?? "").Select(m => m.Groups[1].Value)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var properties = definition.ReqDtoType == typeof(EmptyRequest) ? []
            : definition.ReqDtoType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).ToArray();
        operation.Parameters ??= [];
        foreach (var name in routeNames.Where(n => operation.Parameters.All(p => !string.Equals(p.Name, n, StringComparison.OrdinalIgnoreCase))))
        {
            var type = properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))?.PropertyType ?? typeof(string);
            operation.Parameters.Add(new OpenApiParameter { Name = name, In = ParameterLocation.Path, Required = true, Schema = SchemaFor(type) });
        }

        var rest = properties.Where(p => !routeNames.Contains(p.Name)).ToArray();
        var method = context.Description.HttpMethod?.ToUpperInvariant();
        if (method is "GET" or "DELETE" || rest.Length == 0)
        {
            operation.RequestBody = null;
            foreach (var property in rest)
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = JsonNamingPolicy.CamelCase.ConvertName(property.Name),
                    In = ParameterLocation.Query,
                    Schema = SchemaFor(property.PropertyType),
                });
        }
        return Task.CompletedTask;
    }

    private static OpenApiSchema SchemaFor(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum)
            return new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Enum = [.. Enum.GetNames(type).Select(n => (JsonNode)JsonValue.Create(JsonNamingPolicy.SnakeCaseLower.ConvertName(n)))],
            };
        return type switch
        {
            _ when type == typeof(Guid) => new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" },
            _ when type == typeof(DateTime) || type == typeof(DateTimeOffset) => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" },
            _ when type == typeof(int) || type == typeof(long) => new OpenApiSchema { Type = JsonSchemaType.Integer },
            _ when type == typeof(double) || type == typeof(float) || type == typeof(decimal) => new OpenApiSchema { Type = JsonSchemaType.Number },
            _ when type == typeof(bool) => new OpenApiSchema { Type = JsonSchemaType.Boolean },
            _ => new OpenApiSchema { Type = JsonSchemaType.String },
        };
    }

    [GeneratedRegex("{([^}:?]+)")]
    private static partial Regex RouteParameter();
}
