using System.Net;
using Adas.Tests.Infrastructure;

namespace Adas.Tests.Jobs;

/// <summary>Jobs belong to their uploader: another driver cannot see, list, download or delete them.</summary>
[Collection(GraphCollection.Name)]
public sealed class JobAuthorizationTests(GraphFixture graph)
{
    [Fact]
    public async Task A_driver_cannot_reach_another_drivers_job_and_viewers_cannot_upload()
    {
        using var driverA = await graph.NewUserAsync("driver");
        using var driverB = await graph.NewUserAsync("driver");
        using var viewer = await graph.NewUserAsync("viewer");
        using var anonymous = new HttpClient { BaseAddress = graph.Api.BaseAddress };
        var clip = await MediaFactory.UniqueTestClipAsync(graph.WorkDirectory, "bola");

        var id = await driverA.UploadJobAsync(clip);
        var job = await driverA.WaitForFinalAsync(id, TimeSpan.FromMinutes(1));
        Assert.Equal("completed", job.Status());

        foreach (var path in (string[])[$"/api/jobs/{id}", $"/api/jobs/{id}/events", $"/api/jobs/{id}/video",
                     $"/api/jobs/{id}/traffic-signs", $"/api/jobs/{id}/driver-states"])
        {
            using var response = await driverB.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path} answered {(int)response.StatusCode} to another driver");
            using var unauthenticated = await anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
        }
        var list = await (await driverB.GetAsync("/api/jobs")).JsonAsync();
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), j => j.GetProperty("id").GetGuid() == id);
        using (var deleted = await driverB.DeleteAsync($"/api/jobs/{id}"))
            Assert.Equal(HttpStatusCode.NotFound, deleted.StatusCode);

        using (var upload = await viewer.UploadAsync(clip))
            Assert.Equal(HttpStatusCode.Forbidden, upload.StatusCode);
        using (var own = await driverA.GetAsync($"/api/jobs/{id}/video"))
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(id, (await graph.Api.GetJobAsync(id)).GetProperty("id").GetGuid());
        Assert.Equal("completed", (await driverA.GetJobAsync(id)).Status());
    }
}
