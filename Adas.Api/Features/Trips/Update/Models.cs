using Adas.Data.Entities;
using FastEndpoints;
using FluentValidation;

namespace Adas.Api.Features.Trips.Update;

/// <summary>Absent fields stay as they are.</summary>
public sealed class Request
{
    public Guid Id { get; set; }
    public Guid? VehicleId { get; set; }
    public Guid? DriverId { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? EndedAt { get; set; }
    public double? DistanceKm { get; set; }
    public TripStatus? Status { get; set; }
    public string? Notes { get; set; }
}

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(r => r.EndedAt).GreaterThan(r => r.StartedAt).When(r => r.StartedAt is not null && r.EndedAt is not null);
        RuleFor(r => r.DistanceKm).InclusiveBetween(0, TripRules.MaxDistanceKm);
        RuleFor(r => r.Status).IsInEnum();
        RuleFor(r => r.Notes).MaximumLength(TripRules.MaxNotesLength);
    }
}
