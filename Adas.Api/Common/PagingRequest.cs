using FluentValidation;

namespace Adas.Api.Common;

/// <summary>Query-string paging shared by list endpoints: <c>?page=1&amp;pageSize=20</c> (at most 200 a page).</summary>
public abstract class PagingRequest
{
    public const int MaxPageSize = 200;
    public int Page { get; set; } = 1;
    public int PageSize { get; set; } = 20;

    public int Skip => (Page - 1) * PageSize;
}

public static class PagingRules
{
    public static void AddPagingRules<T>(this AbstractValidator<T> validator) where T : PagingRequest
    {
        validator.RuleFor(r => r.Page).GreaterThanOrEqualTo(1);
        validator.RuleFor(r => r.PageSize).InclusiveBetween(1, PagingRequest.MaxPageSize);
    }
}
