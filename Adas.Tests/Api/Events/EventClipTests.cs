using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Adas.Data;
using Adas.Data.Entities;
using Adas.Perception.Video;
using Adas.Tests.Api.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Adas.Tests.Api.Events;

/// <summary><c>GET /api/events/{id}/clip</c>: Range, visibility, <c>hasClip</c> in every event shape, removed with its job.</summary>
[Collection(ApiCollection.Name)]
public sealed class EventClipTests(ApiFactory api)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_clip_is_served_with_Range_to_whoever_sees_the_event_and_goes_with_its_job()
    {
        var fleet = await api.CreateFleetAsync();
        var driver = await api.CreateUserAsync(UserRole.Driver, fleet.Id);
        var (_, manager) = await api.SignInAsync(UserRole.Manager, fleet.Id);
        var (_, otherManager) = await api.SignInAsync(UserRole.Manager, (await api.CreateFleetAsync()).Id);
        var job = await api.CreateJobAsync(driver.Id, (await api.CreateTripAsync(driver.Id, fleet.Id)).Id);
        var (withClip, _) = await api.CreateEventAsync(job, severity: Severity.Critical);
        var (withoutClip, _) = await api.CreateEventAsync(job, severity: Severity.Info);
        var clip = await CutClipAsync(job.Id, withClip.Id);

        var one = await manager.GetFromJsonAsync<JsonObject>($"/api/events/{withClip.Id}", ApiFactory.Json, Ct);
        Assert.True(one!["hasClip"]!.GetValue<bool>());
        var list = await manager.GetFromJsonAsync<JsonObject>($"/api/events?jobId={job.Id}", ApiFactory.Json, Ct);
        var jobEvents = await manager.GetFromJsonAsync<JsonObject>($"/api/jobs/{job.Id}/events", ApiFactory.Json, Ct);
        foreach (var page in new[] { list!, jobEvents! })
            Assert.Equal(new Dictionary<Guid, bool> { [withClip.Id] = true, [withoutClip.Id] = false },
                page["items"]!.AsArray().ToDictionary(i => i!["id"]!.GetValue<Guid>(), i => i!["hasClip"]!.GetValue<bool>()));

        using var whole = await manager.GetAsync($"/api/events/{withClip.Id}/clip", Ct);
        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        Assert.Equal("video/mp4", whole.Content.Headers.ContentType?.MediaType);
        Assert.Equal("bytes", Assert.Single(whole.Headers.AcceptRanges));
        Assert.Equal(await File.ReadAllBytesAsync(clip, Ct), await whole.Content.ReadAsByteArrayAsync(Ct));

        using var range = new HttpRequestMessage(HttpMethod.Get, $"/api/events/{withClip.Id}/clip") { Headers = { Range = new RangeHeaderValue(100, 199) } };
        using var partial = await manager.SendAsync(range, Ct);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal((100, 199, new FileInfo(clip).Length), (partial.Content.Headers.ContentRange!.From, partial.Content.Headers.ContentRange.To,
            partial.Content.Headers.ContentRange.Length!.Value));
        Assert.Equal((await File.ReadAllBytesAsync(clip, Ct))[100..200], await partial.Content.ReadAsByteArrayAsync(Ct));

        Assert.Equal(HttpStatusCode.NotFound, (await otherManager.GetAsync($"/api/events/{withClip.Id}/clip", Ct)).StatusCode);
        using var none = await manager.GetAsync($"/api/events/{withoutClip.Id}/clip", Ct);
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        Assert.Equal("application/problem+json", none.Content.Headers.ContentType?.MediaType);

        Assert.Equal(HttpStatusCode.NoContent, (await manager.DeleteAsync($"/api/jobs/{job.Id}", Ct)).StatusCode);
        Assert.False(File.Exists(clip));
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/api/events/{withClip.Id}/clip", Ct)).StatusCode);
        Assert.False(await api.WithDbAsync(db => db.SafetyEvents.AnyAsync(e => e.JobId == job.Id, Ct)));
    }

    /// <summary>A real short H.264 clip where the worker puts it, recorded on the event.</summary>
    private async Task<string> CutClipAsync(Guid jobId, Guid eventId)
    {
        var folder = Path.Combine(new DataPaths(api.DataDirectory).ResultsFor(jobId), "clips");
        Directory.CreateDirectory(folder);
        var clip = await FfmpegCli.RunAsync(Path.Combine(folder, $"{eventId:N}.mp4"), "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25:duration=2",
            "-c:v", "libx264", "-pix_fmt", "yuv420p", "-movflags", "+faststart");
        await api.WithDbAsync(db => db.SafetyEvents.Where(e => e.Id == eventId).ExecuteUpdateAsync(s => s.SetProperty(e => e.ClipPath, clip), Ct));
        return clip;
    }
}
