using FastEndpoints;
using FluentValidation;

namespace Adas.Api.Features.Auth.Login;

public sealed class Request
{
    public string Email { get; set; } = "";
    public string Password { get; set; } = "";
}

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(r => r.Email).NotEmpty().EmailAddress().MaximumLength(256);
        RuleFor(r => r.Password).NotEmpty().MaximumLength(256);
    }
}
