using Adas.Api.Features.Shared;
using Adas.Data.Entities;
using FastEndpoints;
using FluentValidation;

namespace Adas.Api.Features.Users.List;

public sealed class Request : PagedRequest
{
    public UserRole? Role { get; set; }
    public Guid? FleetId { get; set; }
    public bool? IsActive { get; set; }
    /// <summary>Part of the email or display name.</summary>
    public string? Search { get; set; }
}

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        Include(new PagingValidator());
        RuleFor(r => r.Search).MaximumLength(256);
    }
}
