using Adas.Data.Entities;
using FastEndpoints;
using FluentValidation;

namespace Adas.Api.Features.Users.Create;

public sealed class Request
{
    public string Email { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string Password { get; set; } = "";
    /// <summary>Admins choose any role; managers may only create drivers (the default for them).</summary>
    public UserRole? Role { get; set; }
    /// <summary>Admins choose the fleet; a manager's new driver always joins the manager's fleet.</summary>
    public Guid? FleetId { get; set; }
}

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(r => r.Email).NotEmpty().EmailAddress().MaximumLength(256);
        RuleFor(r => r.DisplayName).NotEmpty().MaximumLength(128);
        RuleFor(r => r.Password).NotEmpty().StrongPassword();
        RuleFor(r => r.Role).IsInEnum();
    }
}
