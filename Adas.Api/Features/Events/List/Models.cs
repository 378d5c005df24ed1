using Adas.Api.Features.Shared;
using FastEndpoints;
using FluentValidation;

namespace Adas.Api.Features.Events.List;

public sealed class Request : EventFilterQuery, IPageRequest
{
    public int Page { get; set; } = 1;
    public int PageSize { get; set; } = PagedRequest.DefaultPageSize;
    /// <summary><c>newest</c> (default) or <c>review</c>: the review queue's order, most severe first, oldest first within a severity.</summary>
    public EventOrder Order { get; set; } = EventOrder.Newest;
}

public enum EventOrder { Newest, Review }

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        Include(new PagingValidator());
        Include(new EventFilterValidator());
        RuleFor(r => r.Order).IsInEnum();
    }
}
