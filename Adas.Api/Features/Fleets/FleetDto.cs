using Adas.Data.Entities;

namespace Adas.Api.Features.Fleets;

public sealed record FleetDto(Guid Id, string Name, DateTime CreatedAt)
{
    public static FleetDto From(Fleet f) => new(f.Id, f.Name, f.CreatedAt);
}
