using System.Diagnostics;
using System.Net.Http.Headers;
using Adas.ServiceDefaults;
using Adas.Tests.Infrastructure;
using Aspire.Hosting.Testing;

namespace Adas.Tests.Jobs;

/// <summary>The domain metrics (scraped from the services' Prometheus endpoints) and one trace from upload to processing.</summary>
[Collection(GraphCollection.Name)]
public sealed class TelemetryTests(GraphFixture graph, ITestOutputHelper output)
{
    [Fact]
    public async Task A_job_with_events_moves_the_job_frame_event_and_upload_metrics_and_its_processing_joins_the_upload_trace()
    {
        var scraped = "";
        try
        {
            using var worker = graph.Graph.App.CreateHttpClient(ResourceNames.Worker);
            var apiBefore = await ScrapeAsync(graph.Api);
            var workerBefore = await ScrapeAsync(worker);

            var clip = await EventfulClip.RepeatedApproachAsync(graph.WorkDirectory, 1);
            var traceId = ActivityTraceId.CreateRandom();
            using var upload = new HttpRequestMessage(HttpMethod.Post, "/api/jobs") { Content = Form(clip) };
            upload.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
            using var accepted = await graph.Api.SendAsync(upload, TestContext.Current.CancellationToken);
            accepted.EnsureSuccessStatusCode();
            var id = (await accepted.JsonAsync()).GetProperty("id").GetGuid();
            var job = await graph.Api.WaitForFinalAsync(id, TimeSpan.FromMinutes(2));
            Assert.Equal("completed", job.Status());
            var frames = job.GetProperty("summary").GetProperty("frames").GetInt32();

            Assert.True(await graph.Logs.WaitForLineAsync(line => line.Contains($"Processing job {id} in trace {traceId}"), TimeSpan.FromSeconds(30)),
                $"the worker's log has no 'Processing job {id} in trace {traceId}'");

            var api = await ScrapeAsync(graph.Api);
            scraped = api.Lines("adas_");
            Assert.Equal(1, api.Sum("adas_jobs_queued_total", "video_type=\"dashcam\"") - apiBefore.Sum("adas_jobs_queued_total", "video_type=\"dashcam\""));
            Assert.Equal(new FileInfo(clip).Length, api.Sum("adas_uploads_bytes_total") - apiBefore.Sum("adas_uploads_bytes_total"));

            var after = await WaitForCompletedMetricAsync(worker, workerBefore);
            scraped += "\n" + after.Lines("adas_");
            double Delta(string metric, params string[] labels) => after.Sum(metric, labels) - workerBefore.Sum(metric, labels);
            Assert.Equal(1, Delta("adas_jobs_started_total", "video_type=\"dashcam\""));
            Assert.Equal(1, Delta("adas_jobs_completed_total", "video_type=\"dashcam\""));
            Assert.Equal(frames, Delta("adas_analysis_frames_total", "video_type=\"dashcam\""));
            Assert.Equal(1, Delta("adas_jobs_processing_duration_seconds_count", "video_type=\"dashcam\""));
            Assert.Equal(1, Delta("adas_analysis_fps_count"));
            // The synthetic approach clip has no measurable ego speed: its forward warnings stay warnings (unknown is not moving).
            Assert.True(Delta("adas_events_total", "event_type=\"forward_collision_warning\"") >= 1);
            Assert.True(after.Has("adas_queue_backlog") && after.Has("adas_queue_pending"));
            // The message is acknowledged just after the job's metrics are recorded; the gauge then drops to 0.
            Assert.Equal(0, (await WaitForAsync(worker, now => now.Has("adas_queue_pending") && now.Sum("adas_queue_pending") == 0)).Sum("adas_queue_pending"));
        }
        catch
        {
            output.WriteLine(scraped);
            output.WriteLine(graph.Logs.Tail(80));
            throw;
        }
    }

    /// <summary>The worker writes the job's final state before it records the metrics, so they may lag the API by a moment.</summary>
    private static Task<PrometheusText> WaitForCompletedMetricAsync(HttpClient worker, PrometheusText before) =>
        WaitForAsync(worker, now => now.Sum("adas_jobs_completed_total") > before.Sum("adas_jobs_completed_total"));

    private static async Task<PrometheusText> WaitForAsync(HttpClient worker, Func<PrometheusText, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var now = await ScrapeAsync(worker);
            if (condition(now) || DateTime.UtcNow > deadline) return now;
            await Task.Delay(500);
        }
    }

    private static async Task<PrometheusText> ScrapeAsync(HttpClient client) =>
        new(await client.GetStringAsync("/metrics", TestContext.Current.CancellationToken));

    private static MultipartFormDataContent Form(string path)
    {
        var file = new StreamContent(File.OpenRead(path));
        file.Headers.ContentType = new MediaTypeHeaderValue("video/mp4");
        return new MultipartFormDataContent { { new StringContent("dashcam"), "videoType" }, { file, "file", Path.GetFileName(path) } };
    }
}
