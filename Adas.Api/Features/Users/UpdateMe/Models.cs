using FastEndpoints;
using FluentValidation;

namespace Adas.Api.Features.Users.UpdateMe;

/// <summary>What anyone may change about themselves: name and password. Nothing else is bound.</summary>
public sealed class Request
{
    public string? DisplayName { get; set; }
    public string? CurrentPassword { get; set; }
    public string? NewPassword { get; set; }
}

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(r => r.DisplayName).NotEmpty().MaximumLength(128).When(r => r.DisplayName is not null);
        RuleFor(r => r.NewPassword).StrongPassword().When(r => r.NewPassword is not null);
        RuleFor(r => r.CurrentPassword).NotEmpty().When(r => r.NewPassword is not null)
            .WithMessage("'Current Password' is required to set a new password.");
    }
}
