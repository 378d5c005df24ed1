using Adas.Api.Features.Shared;
using Adas.Data.Entities;
using FastEndpoints;
using FluentValidation;

namespace Adas.Api.Features.Trips.List;

public sealed class Request : PagedRequest
{
    public Guid? VehicleId { get; set; }
    public Guid? DriverId { get; set; }
    public TripStatus? Status { get; set; }
    /// <summary>Trips that started at or after this time (UTC).</summary>
    public DateTime? From { get; set; }
    /// <summary>Trips that started before this time (UTC).</summary>
    public DateTime? To { get; set; }
}

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        Include(new PagingValidator());
        RuleFor(r => r.To).GreaterThan(r => r.From).When(r => r.From is not null && r.To is not null);
    }
}
