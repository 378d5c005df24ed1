using System.Net;
using Adas.Tests.Infrastructure;

namespace Adas.Tests.Jobs;

/// <summary>No job is lost when a worker dies or Redis loses its data, and a job has one set of results.</summary>
[Collection(GraphCollection.Name)]
public sealed class ReliabilityTests(GraphFixture graph, ITestOutputHelper output)
{
    [Fact]
    public async Task A_job_whose_worker_is_killed_mid_run_is_taken_over_and_completes_once()
    {
        try
        {
            var clip = await MediaFactory.LongHighwayClipAsync(graph.WorkDirectory, 3);
            var id = await graph.Api.UploadJobAsync(clip);
            await graph.Api.WaitForAsync(id, j => j.Status() == "processing" && j.GetProperty("progress").GetInt32() >= 5, TimeSpan.FromMinutes(2));

            graph.Topology.Worker.Kill();
            await graph.Topology.Worker.StartAsync(CancellationToken.None);

            var job = await graph.Api.WaitForFinalAsync(id, TimeSpan.FromMinutes(4));
            Assert.Equal("completed", job.Status());
            Assert.Equal(2, job.GetProperty("attempts").GetInt32());
            var frames = job.GetProperty("summary").GetProperty("frames").GetInt32();
            Assert.Equal(221 * 3, frames);
            var events = job.GetProperty("summary").GetProperty("events").GetInt32();
            Assert.Equal(events, graph.Count($"SELECT COUNT(*) FROM safety_events WHERE JobId = '{id.ToString().ToUpperInvariant()}'"));
            Assert.Equal(0, graph.Count($"SELECT COUNT(*) FROM (SELECT StartSeconds, Type FROM safety_events WHERE JobId = '{id.ToString().ToUpperInvariant()}' GROUP BY StartSeconds, Type, TrackId HAVING COUNT(*) > 1)"));
            Assert.Single(Directory.GetFiles(Path.Combine(graph.StorageDirectory, "results", id.ToString("N")), "*.mp4"));
        }
        catch
        {
            output.WriteLine(graph.Logs.Tail(120));
            throw;
        }
    }

    [Fact]
    public async Task A_worker_stopped_gracefully_releases_its_job_to_the_queue()
    {
        try
        {
            var clip = await MediaFactory.LongHighwayClipAsync(graph.WorkDirectory, 3);
            var id = await graph.Api.UploadJobAsync(clip);
            await graph.Api.WaitForAsync(id, j => j.Status() == "processing" && j.GetProperty("progress").GetInt32() >= 5, TimeSpan.FromMinutes(2));

            await graph.Topology.Worker.StopAsync();
            var released = await graph.Api.GetJobAsync(id);
            Assert.Equal("queued", released.Status());
            Assert.Contains(graph.Logs.Lines, line => line.Contains($"Job {id} released"));

            await graph.Topology.Worker.StartAsync(CancellationToken.None);
            var job = await graph.Api.WaitForFinalAsync(id, TimeSpan.FromMinutes(4));
            Assert.Equal("completed", job.Status());
            Assert.Equal(221 * 3, job.GetProperty("summary").GetProperty("frames").GetInt32());
        }
        catch
        {
            output.WriteLine(graph.Logs.Tail(120));
            throw;
        }
    }

    [Fact]
    public async Task Jobs_deleted_as_soon_as_they_are_uploaded_do_not_stop_the_worker()
    {
        try
        {
            var clip = await MediaFactory.UniqueTestClipAsync(graph.WorkDirectory, "churn");
            for (var i = 0; i < 8; i++)
            {
                var doomed = await graph.Api.UploadJobAsync(clip, i % 2 == 0 ? "dashcam" : "in_cabin");
                using var deleted = await graph.Api.DeleteAsync($"/api/jobs/{doomed}");
                Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
                await Task.Delay(i * 15);
            }
            var survivor = await graph.Api.WaitForFinalAsync(await graph.Api.UploadJobAsync(clip), TimeSpan.FromMinutes(1));
            Assert.Equal("completed", survivor.Status());
            Assert.DoesNotContain(graph.Logs.Lines, line => line.Contains("BackgroundService failed"));
        }
        catch
        {
            output.WriteLine(graph.Logs.Tail(120));
            throw;
        }
    }

    [Fact]
    public async Task A_queued_job_survives_redis_being_wiped_and_restarted()
    {
        try
        {
            await graph.Topology.Worker.StopAsync();
            var id = await graph.Api.UploadJobAsync(TestPaths.Asset("media/dashcam/highway_cars_1280x720.mp4"));
            Assert.Equal("queued", (await graph.Api.GetJobAsync(id)).Status());

            await graph.Topology.Redis.StopAsync(wipeData: true);
            await graph.Topology.Redis.RestartAsync(CancellationToken.None);
            await graph.Topology.Worker.StartAsync(CancellationToken.None);

            var job = await graph.Api.WaitForFinalAsync(id, TimeSpan.FromMinutes(3));
            Assert.Equal("completed", job.Status());
            Assert.Contains(graph.Logs.Lines, line => line.Contains("Re-enqueued"));
        }
        catch
        {
            output.WriteLine(graph.Logs.Tail(120));
            throw;
        }
    }

    [Fact]
    public async Task Deleting_a_running_job_stops_it_and_leaves_no_rows_or_files()
    {
        try
        {
            var clip = await MediaFactory.LongHighwayClipAsync(graph.WorkDirectory, 3);
            var id = await graph.Api.UploadJobAsync(clip);
            await graph.Api.WaitForAsync(id, j => j.Status() == "processing" && j.GetProperty("progress").GetInt32() >= 3, TimeSpan.FromMinutes(2));

            using var deleted = await graph.Api.DeleteAsync($"/api/jobs/{id}");
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
            using var gone = await graph.Api.GetAsync($"/api/jobs/{id}");
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);

            var deadline = DateTime.UtcNow.AddSeconds(5);
            while (DateTime.UtcNow < deadline && !graph.Logs.Lines.Any(l => l.Contains($"Job {id} was cancelled"))) await Task.Delay(100);
            Assert.Contains(graph.Logs.Lines, l => l.Contains($"Job {id} was cancelled"));

            var upper = id.ToString().ToUpperInvariant();
            foreach (var table in (string[])["video_jobs WHERE Id", "safety_events WHERE JobId", "traffic_signs WHERE JobId", "driver_states WHERE JobId", "alerts WHERE JobId"])
                Assert.Equal(0, graph.Count($"SELECT COUNT(*) FROM {table} = '{upper}'"));
            Assert.False(Directory.Exists(Path.Combine(graph.StorageDirectory, "results", id.ToString("N"))));
            Assert.Equal(0, graph.Count("SELECT COUNT(*) FROM videos WHERE SizeBytes > 20000000"));
        }
        catch
        {
            output.WriteLine(graph.Logs.Tail(120));
            throw;
        }
    }
}
