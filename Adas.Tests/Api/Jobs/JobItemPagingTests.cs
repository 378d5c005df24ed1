using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Adas.Data.Entities;
using Adas.Tests.Api.Infrastructure;

namespace Adas.Tests.Api.Jobs;

[Collection(ApiCollection.Name)]
public sealed class JobItemPagingTests(ApiFactory api)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_jobs_events_signs_and_driver_states_are_paged_like_every_other_list()
    {
        var (driver, client) = await api.SignInAsync(UserRole.Driver, (await api.CreateFleetAsync()).Id);
        var job = await api.CreateJobAsync(driver.Id);
        for (var i = 0; i < 3; i++) await api.CreateEventAsync(job, "yawning", Severity.Info);

        var first = await client.GetFromJsonAsync<JsonObject>($"/api/jobs/{job.Id}/events?pageSize=2", ApiFactory.Json, Ct);
        var second = await client.GetFromJsonAsync<JsonObject>($"/api/jobs/{job.Id}/events?pageSize=2&page=2", ApiFactory.Json, Ct);

        Assert.Equal(3, first!["total"]!.GetValue<int>());
        Assert.Equal(2, first["items"]!.AsArray().Count);
        Assert.Single(second!["items"]!.AsArray());
        foreach (var list in new[] { "traffic-signs", "driver-states" })
        {
            var empty = await client.GetFromJsonAsync<JsonObject>($"/api/jobs/{job.Id}/{list}", ApiFactory.Json, Ct);
            Assert.Equal(0, empty!["total"]!.GetValue<int>());
            Assert.Equal(100, empty["pageSize"]!.GetValue<int>());
        }
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/api/jobs/{job.Id}/driver-states?pageSize=1001", Ct)).StatusCode);
    }
}
