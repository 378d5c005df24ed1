using System.Net.Http.Json;
using System.Text.Json;
using Adas.Tests.Infrastructure;
using Adas.Tests.Perception.Driver;

namespace Adas.Tests.Jobs;

/// <summary>An in-cabin upload runs the driver pipeline in the worker: events, per-second states and an alert.</summary>
[Collection(GraphCollection.Name)]
public sealed class InCabinJobTests(GraphFixture graph, ITestOutputHelper output)
{
    [Fact]
    public async Task Eyes_closed_for_one_and_a_half_seconds_become_a_critical_microsleep_with_driver_states_and_an_alert()
    {
        try
        {
            var clip = Path.Combine(graph.WorkDirectory, $"cabin_{Guid.NewGuid():N}.mp4");
            await SyntheticCabinVideo.WriteEyesClosingAsync(clip, openSeconds: 3, closedSeconds: 1.5, reopenedSeconds: 1.5);
            var id = await graph.Api.UploadJobAsync(clip, "in_cabin");

            var job = await graph.Api.WaitForFinalAsync(id, TimeSpan.FromMinutes(2));
            Assert.Equal("completed", job.Status());
            Assert.Equal("driver", job.GetProperty("summary").GetProperty("pipeline").GetString());
            Assert.Equal("face_landmarker_478", job.GetProperty("summary").GetProperty("landmark_model").GetString());
            Assert.Equal("face_landmarks_478.onnx", job.GetProperty("summary").GetProperty("models").GetProperty("faceLandmarks").GetString());

            var events = await graph.Api.GetFromJsonAsync<JsonElement>($"/api/jobs/{id}/events", TestContext.Current.CancellationToken);
            var microsleep = Assert.Single(events.GetProperty("items").EnumerateArray());
            Assert.Equal("microsleep", microsleep.GetProperty("type").GetString());
            Assert.Equal("critical", microsleep.GetProperty("severity").GetString());
            Assert.InRange(microsleep.GetProperty("startSeconds").GetDouble(), 2.9, 3.4);

            var states = (await graph.Api.GetFromJsonAsync<JsonElement>($"/api/jobs/{id}/driver-states", TestContext.Current.CancellationToken)).GetProperty("items");
            Assert.Equal([0, 1, 2, 3, 4, 5], states.EnumerateArray().Select(s => s.GetProperty("second").GetInt32()));
            Assert.Equal("eyes_closed", states[3].GetProperty("state").GetString());
            Assert.InRange(states[1].GetProperty("ear").GetDouble(), 0.3, 0.42);

            var alerts = await graph.Api.GetFromJsonAsync<JsonElement>($"/api/alerts?jobId={id}", TestContext.Current.CancellationToken);
            var alert = Assert.Single(alerts.GetProperty("items").EnumerateArray());
            Assert.Equal("microsleep", alert.GetProperty("type").GetString());
            Assert.Equal(microsleep.GetProperty("id").GetGuid(), alert.GetProperty("eventId").GetGuid());
        }
        catch
        {
            output.WriteLine(graph.Logs.Tail(80));
            throw;
        }
    }
}
