using FastEndpoints;
using FluentValidation;

namespace Adas.Api.Features.Auth.Logout;

public sealed class Request
{
    /// <summary>The session to end; without it every session of the caller ends.</summary>
    public string? RefreshToken { get; set; }
}

public sealed class Validator : Validator<Request>
{
    public Validator() => RuleFor(r => r.RefreshToken).MaximumLength(128);
}
