using FluentValidation;

namespace Adas.Api.Features.Shared;

/// <summary>A list request's page; an interface so a request with another base (the event filters) can page too.</summary>
public interface IPageRequest
{
    int Page { get; }
    int PageSize { get; }
}

/// <summary>Paging for every list: page from 1, pageSize capped at <see cref="MaxPageSize"/>.</summary>
public abstract class PagedRequest : IPageRequest
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public int Page { get; set; } = 1;
    public int PageSize { get; set; } = DefaultPageSize;
}

public sealed class PagingValidator : AbstractValidator<IPageRequest>
{
    public PagingValidator()
    {
        RuleFor(r => r.Page).GreaterThanOrEqualTo(1);
        RuleFor(r => r.PageSize).InclusiveBetween(1, PagedRequest.MaxPageSize);
    }
}
