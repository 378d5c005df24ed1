using Adas.Data.Entities;
using FastEndpoints;
using FluentValidation;

namespace Adas.Api.Features.Users.Update;

/// <summary>Absent fields stay as they are. Role and fleet can only be changed by admins.</summary>
public sealed class Request
{
    public Guid Id { get; set; }
    public string? DisplayName { get; set; }
    public UserRole? Role { get; set; }
    public Guid? FleetId { get; set; }
    public bool? IsActive { get; set; }
    public string? Password { get; set; }
}

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(r => r.DisplayName).NotEmpty().MaximumLength(128).When(r => r.DisplayName is not null);
        RuleFor(r => r.Role).IsInEnum();
        RuleFor(r => r.Password).StrongPassword().When(r => r.Password is not null);
    }
}
