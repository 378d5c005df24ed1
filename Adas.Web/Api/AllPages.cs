namespace Adas.Web.Api;

/// <summary>Every item of a paged API list, read a page at a time (a 2 h in-cabin job has 7,200 driver-state seconds).</summary>
public static class AllPages
{
    /// <summary>The largest page the API serves for a job's items.</summary>
    public const int PageSize = 1000;

    public static async Task<List<T>> ReadAsync<T>(Func<int, Task<Paged<T>>> page)
    {
        var items = new List<T>();
        for (var number = 1; ; number++)
        {
            var current = await page(number);
            items.AddRange(current.Items);
            if (current.Items.Count == 0 || items.Count >= current.Total) return items;
        }
    }
}
