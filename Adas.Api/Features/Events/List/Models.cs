using Adas.Api.Features.Shared;
using FastEndpoints;

namespace Adas.Api.Features.Events.List;

public sealed class Request : EventFilterQuery, IPageRequest
{
    public int Page { get; set; } = 1;
    public int PageSize { get; set; } = PagedRequest.DefaultPageSize;
}

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        Include(new PagingValidator());
        Include(new EventFilterValidator());
    }
}
