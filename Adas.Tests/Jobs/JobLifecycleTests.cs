using Adas.ServiceDefaults;
using System.Net;
using Adas.Tests.Infrastructure;

namespace Adas.Tests.Jobs;

[Collection(GraphCollection.Name)]
public sealed class JobLifecycleTests(GraphFixture graph, ITestOutputHelper output)
{
    [Fact]
    public async Task Dashcam_upload_completes_with_a_browser_playable_video_of_every_frame()
    {
        try
        {
            var path = TestPaths.Asset("media/dashcam/highway_lanes_960x540.mp4");
            using var upload = await graph.Api.UploadAsync(path);
            Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
            var id = (await upload.JsonAsync()).GetProperty("id").GetGuid();
            Assert.Equal($"/api/jobs/{id}", upload.Headers.Location?.OriginalString);

            var job = await graph.Api.WaitForFinalAsync(id, TimeSpan.FromMinutes(3));
            Assert.Equal("completed", job.Status());
            Assert.Equal(100, job.GetProperty("progress").GetInt32());
            Assert.Equal(960, job.GetProperty("width").GetInt32());
            Assert.Equal(540, job.GetProperty("height").GetInt32());
            Assert.Equal(25, job.GetProperty("fps").GetDouble(), 1);
            Assert.Equal(221, job.GetProperty("summary").GetProperty("frames").GetInt32());

            var video = await graph.Api.GetByteArrayAsync($"/api/jobs/{id}/video");
            var downloaded = Path.Combine(graph.WorkDirectory, $"{id}.mp4");
            await File.WriteAllBytesAsync(downloaded, video, TestContext.Current.CancellationToken);
            var (codec, pixelFormat, frames) = await MediaFactory.ProbeAsync(downloaded);
            Assert.Equal(("h264", "yuv420p", 221), (codec, pixelFormat, frames));

            using var range = new HttpRequestMessage(HttpMethod.Get, $"/api/jobs/{id}/video");
            range.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(1000, 1999);
            using var partial = await graph.Api.SendAsync(range, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
            Assert.Equal("video/mp4", partial.Content.Headers.ContentType?.MediaType);
            Assert.Equal(video[1000..2000], await partial.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));

            using var again = await graph.Api.UploadAsync(path);
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.Equal(id, (await again.JsonAsync()).GetProperty("id").GetGuid());
            Assert.Equal(1, graph.Count($"SELECT COUNT(*) FROM videos WHERE Sha256 = '{job.GetProperty("sha256").GetString()}'"));
        }
        catch
        {
            output.WriteLine(graph.Logs.Tail(80));
            throw;
        }
    }

    [Fact]
    public async Task Video_download_is_409_until_the_job_has_completed_and_404_for_unknown_jobs()
    {
        var clip = await MediaFactory.LongHighwayClipAsync(graph.WorkDirectory, 3);
        await graph.Graph.StopAsync(ResourceNames.Worker);
        try
        {
            var id = await graph.Api.UploadJobAsync(clip);
            using var notReady = await graph.Api.GetAsync($"/api/jobs/{id}/video", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Conflict, notReady.StatusCode);
            Assert.Equal("application/problem+json", notReady.Content.Headers.ContentType?.MediaType);
            using var unknown = await graph.Api.GetAsync($"/api/jobs/{Guid.NewGuid()}", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
            using var deleted = await graph.Api.DeleteAsync($"/api/jobs/{id}", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }
        finally
        {
            await graph.Graph.StartAsync(ResourceNames.Worker);
        }
    }
}
