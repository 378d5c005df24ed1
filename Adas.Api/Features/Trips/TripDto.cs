using Adas.Data.Entities;

namespace Adas.Api.Features.Trips;

public sealed record TripDto(Guid Id, Guid? VehicleId, Guid? DriverId, Guid? FleetId, TripStatus Status, DateTime StartedAt,
    DateTime? EndedAt, double? DistanceKm, string? Notes, DateTime CreatedAt)
{
    public static TripDto From(Trip t) =>
        new(t.Id, t.VehicleId, t.DriverId, t.FleetId, t.Status, t.StartedAt, t.EndedAt, t.DistanceKm, t.Notes, t.CreatedAt);
}
