using FastEndpoints;
using FluentValidation;

namespace Adas.Api.Features.Auth.Refresh;

public sealed class Request
{
    public string RefreshToken { get; set; } = "";
}

public sealed class Validator : Validator<Request>
{
    public Validator() => RuleFor(r => r.RefreshToken).NotEmpty().MaximumLength(128);
}
