using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using Adas.Tests.Jobs.Clips;
using Adas.Tests.Perception.Road;
using OpenCvSharp;

namespace Adas.Tests.Jobs;

/// <summary>A dashcam upload with a car closing in: the worker's road pipeline gives a critical FCW and its alert.</summary>
[Collection(GraphCollection.Name)]
public sealed class RoadEventJobTests(GraphFixture graph, ITestOutputHelper output)
{
    [Fact]
    public async Task A_car_closing_in_becomes_a_forward_collision_warning_with_a_snapshot_and_an_alert()
    {
        try
        {
            using var clips = new LeadCarClip();
            var clip = await clips.WriteApproachAsync(Path.Combine(graph.WorkDirectory, $"approach_{Guid.NewGuid():N}.mp4"),
                closingSpeed: 8, startDistance: 30, seconds: 3.5);
            using var live = new ClientWebSocket();
            graph.ConfigureSocket(live);
            await live.ConnectAsync(new Uri(graph.Graph.ApiUrl.ToString().Replace("http", "ws").TrimEnd('/') + "/api/jobs/live"), TestContext.Current.CancellationToken);
            var id = await graph.Api.UploadJobAsync(clip);

            var job = await graph.Api.WaitForFinalAsync(id, TimeSpan.FromMinutes(2));
            Assert.Equal("completed", job.Status());

            var events = await graph.Api.GetFromJsonAsync<JsonElement>($"/api/jobs/{id}/events", TestContext.Current.CancellationToken);
            var fcw = Assert.Single(events.GetProperty("items").EnumerateArray(), e => e.GetProperty("type").GetString() == "forward_collision_warning");
            // The synthetic clip's road photo stands still: the ego car reads as standing, so a warning, never a critical.
            Assert.Equal("warning", fcw.GetProperty("severity").GetString());
            Assert.Equal("ttc_seconds", fcw.GetProperty("peakMetric").GetString());
            Assert.Equal("appearance", fcw.GetProperty("details").GetProperty("ttcSource").GetString());

            Assert.True(fcw.GetProperty("hasSnapshot").GetBoolean());
            var fcwId = fcw.GetProperty("id").GetGuid();
            using (var snapshot = await graph.Api.GetAsync($"/api/events/{fcwId}/snapshot", TestContext.Current.CancellationToken))
            {
                Assert.Equal(HttpStatusCode.OK, snapshot.StatusCode);
                Assert.Equal("image/jpeg", snapshot.Content.Headers.ContentType?.MediaType);
                using var image = Cv2.ImDecode(await snapshot.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken), ImreadModes.Color);
                Assert.True(image.Width >= 160, $"snapshot {image.Width}x{image.Height}");
            }
            using (var stranger = await graph.NewUserAsync("driver"))
            using (var hidden = await stranger.GetAsync($"/api/events/{fcwId}/snapshot", TestContext.Current.CancellationToken))
                Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);

            var alerts = await graph.Api.GetFromJsonAsync<JsonElement>($"/api/alerts?jobId={id}", TestContext.Current.CancellationToken);
            Assert.Contains(alerts.GetProperty("items").EnumerateArray(), a => a.GetProperty("eventId").GetGuid() == fcw.GetProperty("id").GetGuid());
            var pushed = await LiveAlertAsync(live, id);
            Assert.Contains(alerts.GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetGuid() == pushed.GetProperty("id").GetGuid());

            await AssertEventClipAsync(id, fcw);
        }
        catch
        {
            output.WriteLine(graph.Logs.Tail(80));
            throw;
        }
    }

    /// <summary>The first alert of the job the worker published on the live socket.</summary>
    private static async Task<JsonElement> LiveAlertAsync(ClientWebSocket socket, Guid jobId)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        var buffer = new byte[16 * 1024];
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, timeout.Token);
            var message = JsonSerializer.Deserialize<JsonElement>(buffer.AsSpan(0, result.Count));
            if (message.GetProperty("type").GetString() == "alert" && message.GetProperty("alert").GetProperty("jobId").GetGuid() == jobId)
                return message.GetProperty("alert");
        }
    }

    /// <summary>The worker cut the event's clip (H.264, from a key frame, within the 20 s cap), served with Range; deleting the job removes it.</summary>
    private async Task AssertEventClipAsync(Guid jobId, JsonElement fcw)
    {
        var ct = TestContext.Current.CancellationToken;
        var eventId = fcw.GetProperty("id").GetGuid();
        Assert.True(fcw.GetProperty("hasClip").GetBoolean());
        var clipFile = Path.Combine(graph.StorageDirectory, "results", jobId.ToString("N"), "clips", $"{eventId:N}.mp4");
        var probe = await ClipProbe.ReadAsync(clipFile);
        Assert.Equal("h264", probe.Codec);
        Assert.True(probe.StartsOnKeyFrame);
        Assert.InRange(probe.DurationSeconds, 0.5, 20.1);
        using (var range = new HttpRequestMessage(HttpMethod.Get, $"/api/events/{eventId}/clip") { Headers = { Range = new RangeHeaderValue(0, 1023) } })
        using (var partial = await graph.Api.SendAsync(range, ct))
        {
            Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
            Assert.Equal("video/mp4", partial.Content.Headers.ContentType?.MediaType);
            Assert.Equal(1024, (await partial.Content.ReadAsByteArrayAsync(ct)).Length);
        }
        using (var stranger = await graph.NewUserAsync("driver"))
        using (var hidden = await stranger.GetAsync($"/api/events/{eventId}/clip", ct))
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);

        using (var deleted = await graph.Api.DeleteAsync($"/api/jobs/{jobId}", ct))
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.False(File.Exists(clipFile));
    }
}
