using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Adas.Api.OpenApi;

/// <summary>Lists the resource tags in the document (in the reference's order, with descriptions) instead of the assembly-name tag.</summary>
public sealed class ResourceTagsTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var used = document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? [])
            .SelectMany(o => o.Tags?.AsEnumerable() ?? []).Select(t => t.Name).ToHashSet();
        document.Tags = new HashSet<OpenApiTag>(ResourceTags.All.Where(t => used.Contains(t.Name))
            .Select(t => new OpenApiTag { Name = t.Name, Description = t.Description }));
        return Task.CompletedTask;
    }
}
