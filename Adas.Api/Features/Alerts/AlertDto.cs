using Adas.Data.Entities;

namespace Adas.Api.Features.Alerts;

public sealed record AlertDto(Guid Id, Guid EventId, Guid JobId, Guid? OwnerId, Guid? DriverId, Guid? VehicleId, Guid? FleetId,
    string Type, Severity Severity, string Message, AlertStatus Status, DateTime CreatedAt, DateTime? AcknowledgedAt,
    Guid? AcknowledgedById)
{
    public static AlertDto From(Alert a) => new(a.Id, a.EventId, a.JobId, a.OwnerId, a.DriverId, a.VehicleId, a.FleetId, a.Type,
        a.Severity, a.Message, a.Status, a.CreatedAt, a.AcknowledgedAt, a.AcknowledgedById);
}
