using Adas.Api.Features.Shared;
using FastEndpoints;
using FluentValidation;

namespace Adas.Api.Features.Vehicles.List;

public sealed class Request : PagedRequest
{
    public Guid? FleetId { get; set; }
    /// <summary>Part of the name or plate.</summary>
    public string? Search { get; set; }
}

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        Include(new PagingValidator());
        RuleFor(r => r.Search).MaximumLength(128);
    }
}
