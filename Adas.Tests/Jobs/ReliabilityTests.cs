using System.Net;
using Adas.ServiceDefaults;
using Adas.Tests.Infrastructure;
using Aspire.Hosting.ApplicationModel;

namespace Adas.Tests.Jobs;

/// <summary>No job is lost when a worker stops or Redis loses its data, and a deleted job leaves nothing behind.</summary>
[Collection(GraphCollection.Name)]
public sealed class ReliabilityTests(GraphFixture graph, ITestOutputHelper output)
{
    [Fact]
    public async Task A_worker_stopped_gracefully_releases_its_job_to_the_queue()
    {
        try
        {
            var clip = await MediaFactory.LongHighwayClipAsync(graph.WorkDirectory, 3);
            var id = await graph.Api.UploadJobAsync(clip);
            await graph.Api.WaitForAsync(id, j => j.Status() == "processing" && j.GetProperty("progress").GetInt32() >= 5, TimeSpan.FromMinutes(2));

            await graph.Graph.StopAsync(ResourceNames.Worker);
            var released = await graph.Api.WaitForAsync(id, j => j.Status() != "processing", TimeSpan.FromSeconds(30));
            Assert.Equal("queued", released.Status());
            Assert.Contains(graph.Logs.Lines, line => line.Contains($"Job {id} released"));

            await graph.Graph.StartAsync(ResourceNames.Worker);
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
    public async Task A_worker_restarted_right_after_it_stopped_comes_back_healthy_every_time()
    {
        try
        {
            // Start at once after each stop, as fast as the dashboard allows: the restarted worker must come up every time.
            for (var round = 0; round < 4; round++)
            {
                await graph.Graph.StopAsync(ResourceNames.Worker);
                Assert.All(graph.Graph.States(ResourceNames.Worker), state => Assert.Contains(state, KnownResourceStates.TerminalStates));
                await graph.Graph.StartAsync(ResourceNames.Worker);
                Assert.All(graph.Graph.States(ResourceNames.Worker), state => Assert.Equal(KnownResourceStates.Running, state));
            }
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
            await graph.Graph.StopAsync(ResourceNames.Worker);
            var id = await graph.Api.UploadJobAsync(await MediaFactory.UniqueTestClipAsync(graph.WorkDirectory, "wiped"));
            Assert.Equal("queued", (await graph.Api.GetJobAsync(id)).Status());

            await graph.Graph.StopAsync(ResourceNames.Redis);
            Directory.Delete(Path.Combine(graph.Graph.DataDirectory, "redis", "appendonlydir"), recursive: true);
            await graph.Graph.StartAsync(ResourceNames.Redis);
            await graph.Graph.StartAsync(ResourceNames.Worker);

            var job = await graph.Api.WaitForFinalAsync(id, TimeSpan.FromMinutes(3));
            Assert.Equal("completed", job.Status());
            Assert.Contains(graph.Logs.Lines, line => line.Contains($"Re-enqueued job {id}"));
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
            var running = await graph.Api.WaitForAsync(id, j => j.Status() == "processing" && j.GetProperty("progress").GetInt32() >= 3, TimeSpan.FromMinutes(2));
            var sha256 = running.GetProperty("sha256").GetString()!;
            var storedVideo = StoredVideoPath(sha256);
            Assert.True(File.Exists(storedVideo), storedVideo);

            using var deleted = await graph.Api.DeleteAsync($"/api/jobs/{id}");
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
            using var gone = await graph.Api.GetAsync($"/api/jobs/{id}");
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);

            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (DateTime.UtcNow < deadline && !graph.Logs.Lines.Any(l => l.Contains($"Job {id} was cancelled"))) await Task.Delay(100);
            Assert.Contains(graph.Logs.Lines, l => l.Contains($"Job {id} was cancelled"));

            var upper = id.ToString().ToUpperInvariant();
            foreach (var table in (string[])["video_jobs WHERE Id", "safety_events WHERE JobId", "traffic_signs WHERE JobId", "driver_states WHERE JobId", "alerts WHERE JobId"])
                Assert.Equal(0, graph.Count($"SELECT COUNT(*) FROM {table} = '{upper}'"));
            Assert.False(Directory.Exists(Path.Combine(graph.StorageDirectory, "results", id.ToString("N"))));
            // The uploaded video itself (row and file) is gone too, not only the job's results.
            Assert.Equal(0, graph.Count($"SELECT COUNT(*) FROM videos WHERE lower(Sha256) = '{sha256.ToLowerInvariant()}'"));
            Assert.False(File.Exists(storedVideo), $"{storedVideo} outlived its job");
        }
        catch
        {
            output.WriteLine(graph.Logs.Tail(120));
            throw;
        }
    }

    private string StoredVideoPath(string sha256)
    {
        using var connection = graph.OpenDatabase();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT StoragePath FROM videos WHERE lower(Sha256) = '{sha256.ToLowerInvariant()}'";
        return (string)command.ExecuteScalar()!;
    }
}
