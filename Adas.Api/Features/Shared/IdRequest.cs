namespace Adas.Api.Features.Shared;

/// <summary>A request that only names a resource by its route id.</summary>
public sealed class IdRequest
{
    public Guid Id { get; set; }
}
