using System.Diagnostics;
using System.Net;
using Adas.ServiceDefaults;
using Adas.Tests.Infrastructure;

namespace Adas.Tests.Jobs;

/// <summary>The embedded Redis dying does not take the system down: it is started again, and while it is away the API says so honestly.</summary>
[Collection(GraphCollection.Name)]
public sealed class RedisOutageTests(GraphFixture graph, ITestOutputHelper output)
{
    [Fact]
    public async Task Redis_killed_mid_job_is_started_again_and_the_job_completes_once()
    {
        try
        {
            var clip = await MediaFactory.LongHighwayClipAsync(graph.WorkDirectory, 3);
            var id = await graph.Api.UploadJobAsync(clip);
            await graph.Api.WaitForAsync(id, j => j.Status() == "processing" && j.GetProperty("progress").GetInt32() >= 5, TimeSpan.FromMinutes(2));

            var redisServer = RedisServerProcess();
            redisServer.Kill(); // SIGKILL: no chance to save or say goodbye
            await redisServer.WaitForExitAsync(TestContext.Current.CancellationToken);

            var job = await graph.Api.WaitForFinalAsync(id, TimeSpan.FromMinutes(5));
            Assert.Equal("completed", job.Status());
            Assert.Contains(graph.Logs.Lines, line => line.Contains("redis-server died"));
            Assert.NotEqual(redisServer.Id, RedisServerProcess().Id);
            Assert.Equal(221 * 3, job.GetProperty("summary").GetProperty("frames").GetInt32());

            // Exactly once: one set of results, however many attempts it took.
            var jobId = id.ToString().ToUpperInvariant();
            var events = job.GetProperty("summary").GetProperty("events").GetInt32();
            Assert.Equal(events, graph.Count($"SELECT COUNT(*) FROM safety_events WHERE JobId = '{jobId}'"));
            Assert.Equal(0, graph.Count($"SELECT COUNT(*) FROM (SELECT 1 FROM safety_events WHERE JobId = '{jobId}' GROUP BY StartSeconds, Type, TrackId HAVING COUNT(*) > 1)"));
            Assert.Single(Directory.GetFiles(Path.Combine(graph.StorageDirectory, "results", id.ToString("N")), "annotated*.mp4"));
            // ... and it stays completed: the message left pending by the outage is settled without another run.
            await Task.Delay(TimeSpan.FromSeconds(8), TestContext.Current.CancellationToken);
            var later = await graph.Api.GetJobAsync(id);
            Assert.Equal("completed", later.Status());
            Assert.Equal(job.GetProperty("attempts").GetInt32(), later.GetProperty("attempts").GetInt32());
        }
        catch
        {
            output.WriteLine(graph.Logs.Tail(150));
            throw;
        }
    }

    [Fact]
    public async Task While_the_queue_is_unreachable_uploads_answer_503_with_retry_after_and_health_answers_at_once()
    {
        var clip = await MediaFactory.UniqueTestClipAsync(graph.WorkDirectory, "outage");
        try
        {
            await graph.Graph.StopAsync(ResourceNames.Redis);
            HttpResponseMessage upload;
            var deadline = DateTime.UtcNow.AddSeconds(15);
            while (true)
            {
                upload = await graph.Api.UploadAsync(clip);
                if (upload.StatusCode == HttpStatusCode.ServiceUnavailable || DateTime.UtcNow > deadline) break;
                upload.Dispose();
                await Task.Delay(200, TestContext.Current.CancellationToken);
            }
            using (upload)
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, upload.StatusCode);
                Assert.Equal("application/problem+json", upload.Content.Headers.ContentType?.MediaType);
                Assert.True(upload.Headers.RetryAfter?.Delta > TimeSpan.Zero, "no Retry-After");
                Assert.Contains("job queue", (await upload.JsonAsync()).GetProperty("title").GetString());
            }

            using var anonymous = graph.Graph.CreateApiClient();
            var clock = Stopwatch.StartNew();
            using var health = await anonymous.GetAsync("/health", TestContext.Current.CancellationToken);
            output.WriteLine($"/health with Redis down: {(int)health.StatusCode} in {clock.ElapsedMilliseconds} ms");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"/health took {clock.Elapsed.TotalSeconds:0.0} s");
        }
        catch
        {
            output.WriteLine(graph.Logs.Tail(100));
            throw;
        }
        finally
        {
            await graph.Graph.StartAsync(ResourceNames.Redis);
            await graph.Graph.App.ResourceNotifications.WaitForResourceHealthyAsync(ResourceNames.Api, TestContext.Current.CancellationToken);
        }
        // Back again: a client that honours Retry-After gets its upload through once the API has reconnected.
        var retryUntil = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            using var retried = await graph.Api.UploadAsync(clip);
            if (retried.StatusCode != HttpStatusCode.ServiceUnavailable || DateTime.UtcNow > retryUntil)
            {
                Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode);
                var id = (await retried.JsonAsync()).GetProperty("id").GetGuid();
                Assert.Equal("completed", (await graph.Api.WaitForFinalAsync(id, TimeSpan.FromMinutes(2))).Status());
                break;
            }
            await Task.Delay(retried.Headers.RetryAfter!.Delta!.Value, TestContext.Current.CancellationToken);
        }
    }

    private Process RedisServerProcess()
    {
        // redis-server names itself after its address.
        var title = $"redis-server 127.0.0.1:{graph.Graph.RedisPort}";
        var pid = Directory.EnumerateDirectories("/proc").Select(Path.GetFileName).Where(name => int.TryParse(name, out _))
            .Select(int.Parse!).Single(p => ReadCommandLine(p).StartsWith(title, StringComparison.Ordinal));
        return Process.GetProcessById(pid);
    }

    private static string ReadCommandLine(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim(); }
        catch (IOException) { return ""; }
        catch (UnauthorizedAccessException) { return ""; }
    }
}
