using FluentValidation;

namespace Adas.Api.Features.Shared;

/// <summary>Paging for every list: page from 1, pageSize capped at <see cref="MaxPageSize"/>.</summary>
public abstract class PagedRequest
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public int Page { get; set; } = 1;
    public int PageSize { get; set; } = DefaultPageSize;
}

public sealed class PagingValidator : AbstractValidator<PagedRequest>
{
    public PagingValidator()
    {
        RuleFor(r => r.Page).GreaterThanOrEqualTo(1);
        RuleFor(r => r.PageSize).InclusiveBetween(1, PagedRequest.MaxPageSize);
    }
}
