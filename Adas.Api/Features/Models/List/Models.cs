using Adas.Api.Features.Shared;
using Adas.Data.Entities;
using FastEndpoints;
using FluentValidation;

namespace Adas.Api.Features.Models.List;

public sealed class Request : PagedRequest
{
    public ModelTask? Task { get; set; }
    public bool? IsActive { get; set; }
}

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        Include(new PagingValidator());
        RuleFor(r => r.Task).IsInEnum();
    }
}
