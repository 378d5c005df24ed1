using System.Net;
using System.Net.Http.Headers;
using Adas.Data.Entities;
using Adas.Tests.Api.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Adas.Tests.Api.Jobs;

/// <summary>A finished job is served with an ETag (304 when unchanged); a deleted one is gone at once, not served from cache.</summary>
[Collection(ApiCollection.Name)]
public sealed class FinishedJobTests(ApiFactory api)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_finished_job_has_an_etag_and_answers_304_when_unchanged_and_404_once_deleted()
    {
        var (admin, client) = await api.SignInAsync(UserRole.Admin);
        var job = await api.CreateJobAsync(admin.Id);

        using var first = await client.GetAsync($"/api/jobs/{job.Id}", Ct);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        using var conditional = new HttpRequestMessage(HttpMethod.Get, $"/api/jobs/{job.Id}");
        conditional.Headers.IfNoneMatch.Add(etag);
        using var unchanged = await client.SendAsync(conditional, Ct);
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        using var stale = new HttpRequestMessage(HttpMethod.Get, $"/api/jobs/{job.Id}");
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(stale, Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/jobs/{job.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/jobs/{job.Id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_running_job_has_no_etag_and_is_read_fresh()
    {
        var (admin, client) = await api.SignInAsync(UserRole.Admin);
        var job = await api.CreateJobAsync(admin.Id);
        await api.WithDbAsync(db => db.VideoJobs.Where(j => j.Id == job.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Processing).SetProperty(j => j.Progress, 10), Ct));

        using var running = await client.GetAsync($"/api/jobs/{job.Id}", Ct);
        Assert.Null(running.Headers.ETag);
        await api.WithDbAsync(db => db.VideoJobs.Where(j => j.Id == job.Id).ExecuteUpdateAsync(s => s.SetProperty(j => j.Progress, 55), Ct));
        var again = System.Text.Json.Nodes.JsonNode.Parse(await client.GetStringAsync($"/api/jobs/{job.Id}", Ct))!;
        Assert.Equal(55, again["progress"]!.GetValue<int>());
    }

    [Fact]
    public async Task Another_user_gets_404_for_a_finished_job_another_caller_has_cached()
    {
        var (owner, ownerClient) = await api.SignInAsync(UserRole.Driver, (await api.CreateFleetAsync()).Id);
        var (_, stranger) = await api.SignInAsync(UserRole.Driver, (await api.CreateFleetAsync()).Id);
        var job = await api.CreateJobAsync(owner.Id);

        Assert.Equal(HttpStatusCode.OK, (await ownerClient.GetAsync($"/api/jobs/{job.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/jobs/{job.Id}", Ct)).StatusCode);
    }
}
