using FastEndpoints;
using FluentValidation;

namespace Adas.Api.Features.Alerts.Acknowledge;

public sealed class Request
{
    public Guid Id { get; set; }
    public string? Note { get; set; }
}

public sealed class Validator : Validator<Request>
{
    public Validator() => RuleFor(r => r.Note).MaximumLength(500);
}
