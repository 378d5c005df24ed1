using Adas.Data.Entities;
using FastEndpoints;

namespace Adas.Api.Features.Events.Export;

public sealed class Request : IEventFilter
{
    public string? Type { get; set; }
    public Severity? Severity { get; set; }
    public DateTime? From { get; set; }
    public DateTime? To { get; set; }
    public Guid? VehicleId { get; set; }
    public Guid? DriverId { get; set; }
    public Guid? TripId { get; set; }
    public Guid? JobId { get; set; }
}

public sealed class Validator : Validator<Request>
{
    public Validator() => Include(new EventFilterValidator());
}
