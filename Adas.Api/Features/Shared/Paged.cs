using Microsoft.EntityFrameworkCore;

namespace Adas.Api.Features.Shared;

public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    public Paged<TOut> Map<TOut>(Func<T, TOut> map) => new([.. Items.Select(map)], Page, PageSize, Total);
}

public static class PageExtensions
{
    /// <summary>Counts, then takes one page of an already ordered query.</summary>
    public static async Task<Paged<T>> ToPageAsync<T>(this IQueryable<T> query, IPageRequest request, CancellationToken ct)
    {
        var total = await query.CountAsync(ct);
        var items = await query.Skip((request.Page - 1) * request.PageSize).Take(request.PageSize).ToListAsync(ct);
        return new Paged<T>(items, request.Page, request.PageSize, total);
    }
}
