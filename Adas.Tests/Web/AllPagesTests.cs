extern alias web;
using web::Adas.Web.Api;

namespace Adas.Tests.Web;

/// <summary>The job page reads every event, sign and driver-state second, not the first page of 1,000.</summary>
public sealed class AllPagesTests
{
    [Fact]
    public async Task Every_page_is_read_until_the_total_and_no_further()
    {
        var seconds = Enumerable.Range(0, 7200).ToList(); // a 2 h in-cabin job's driver-state seconds
        var asked = new List<int>();

        var all = await AllPages.ReadAsync(page =>
        {
            asked.Add(page);
            return Task.FromResult(new Paged<int>([.. seconds.Skip((page - 1) * AllPages.PageSize).Take(AllPages.PageSize)], page,
                AllPages.PageSize, seconds.Count));
        });

        Assert.Equal(seconds, all);
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8], asked);
    }

    [Fact]
    public async Task A_list_that_shrinks_while_it_is_read_ends_at_the_first_empty_page()
    {
        var all = await AllPages.ReadAsync(page =>
            Task.FromResult(new Paged<string>(page == 1 ? ["a", "b"] : [], page, 2, Total: 5)));

        Assert.Equal(["a", "b"], all);
    }
}
