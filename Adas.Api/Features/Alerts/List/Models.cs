using Adas.Api.Features.Shared;
using Adas.Data.Entities;
using FastEndpoints;
using FluentValidation;

namespace Adas.Api.Features.Alerts.List;

public sealed class Request : PagedRequest
{
    public AlertStatus? Status { get; set; }
    public Adas.Data.Entities.Severity? Severity { get; set; }
    public string? Type { get; set; }
    public Guid? DriverId { get; set; }
    public Guid? VehicleId { get; set; }
    public Guid? JobId { get; set; }
    public DateTime? From { get; set; }
    public DateTime? To { get; set; }
}

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        Include(new PagingValidator());
        RuleFor(r => r.Type).MaximumLength(64);
        RuleFor(r => r.Status).IsInEnum();
        RuleFor(r => r.Severity).IsInEnum();
        RuleFor(r => r.To).GreaterThan(r => r.From).When(r => r.From is not null && r.To is not null);
    }
}
