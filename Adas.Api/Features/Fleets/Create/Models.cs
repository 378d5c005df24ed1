using FastEndpoints;
using FluentValidation;

namespace Adas.Api.Features.Fleets.Create;

public sealed class Request
{
    public string Name { get; set; } = "";
}

public sealed class Validator : Validator<Request>
{
    public Validator() => RuleFor(r => r.Name).NotEmpty().MaximumLength(128);
}
