using FastEndpoints;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using ProblemDetails = Microsoft.AspNetCore.Mvc.ProblemDetails;

namespace Adas.Api.OpenApi;

/// <summary>
/// Files each operation under its resource's tag, gives it the summary written in the endpoint's <c>Configure()</c>, and
/// documents its error responses as problem details: 400 when it takes input, 401 unless anonymous, 403 when limited to
/// roles, 404 when it names a resource by id, plus what the endpoint lists in its summary's <c>Responses</c>.
/// </summary>
public sealed class OperationDocsTransformer : IOpenApiOperationTransformer
{
    public const string ProblemSchema = "ProblemDetails";

    private static readonly Dictionary<int, string> Defaults = new()
    {
        [400] = "The request is invalid; the problem lists the failing fields.",
        [401] = "No valid access token.",
        [403] = "The caller's role may not do this.",
        [404] = "No such resource, or the caller may not see it.",
    };

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var definition = metadata.OfType<EndpointDefinition>().FirstOrDefault();
        var tag = definition is not null ? ResourceTags.For(definition)
            : operation.Tags?.Select(t => t.Name).FirstOrDefault(n => ResourceTags.All.Any(a => a.Name == n)) ?? ResourceTags.System;
        var document = context.Document!;
        operation.Tags = new HashSet<OpenApiTagReference> { new(tag, document) };
        if (definition?.EndpointSummary is { } summary)
        {
            if (!string.IsNullOrWhiteSpace(summary.Summary)) operation.Summary = summary.Summary;
            if (!string.IsNullOrWhiteSpace(summary.Description)) operation.Description = summary.Description;
        }

        if (metadata.OfType<MultipartForm>().FirstOrDefault() is { } form)
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["multipart/form-data"] = new() { Schema = await context.GetOrCreateSchemaAsync(form.FormType, null, cancellationToken) },
                },
            };

        var errors = new SortedDictionary<int, string>();
        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        var path = context.Description.RelativePath ?? "";
        if (definition is not null && (definition.ValidatorType is not null || TakesInput(operation))) errors[400] = Defaults[400];
        if (!anonymous) errors[401] = Defaults[401];
        if (definition?.AllowedRoles is { Count: > 0 }) errors[403] = Defaults[403];
        if (path.Contains("{id", StringComparison.Ordinal)) errors[404] = Defaults[404];
        foreach (var (status, text) in definition?.EndpointSummary?.Responses ?? [])
            if (status >= 400) errors[status] = text;
        if (errors.Count == 0) return;

        var reference = await ProblemReferenceAsync(context, document, cancellationToken);
        operation.Responses ??= [];
        foreach (var (status, text) in errors)
            operation.Responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new OpenApiResponse
            {
                Description = text,
                Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = reference } },
            };
    }

    private static bool TakesInput(OpenApiOperation operation) =>
        operation.RequestBody is not null || operation.Parameters?.Any(p => p.In == ParameterLocation.Query) == true;

    private static async Task<IOpenApiSchema> ProblemReferenceAsync(OpenApiOperationTransformerContext context, OpenApiDocument document,
        CancellationToken ct)
    {
        if (document.Components?.Schemas?.ContainsKey(ProblemSchema) != true)
            document.AddComponent(ProblemSchema, await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, ct));
        return new OpenApiSchemaReference(ProblemSchema, document);
    }
}
