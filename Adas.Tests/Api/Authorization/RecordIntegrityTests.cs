using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Adas.Data.Entities;
using Adas.Tests.Api.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Adas.Tests.Api.Authorization;

/// <summary>Who may change the safety record: evidence, trip times, the hours a score divides by, and the fleet data belongs to.</summary>
[Collection(ApiCollection.Name)]
public sealed class RecordIntegrityTests(ApiFactory api)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_driver_cannot_delete_a_job_with_events_but_their_manager_can_and_the_deletion_is_audited()
    {
        var fleet = await api.CreateFleetAsync();
        var (driver, driverClient) = await api.SignInAsync(UserRole.Driver, fleet.Id);
        var (manager, managerClient) = await api.SignInAsync(UserRole.Manager, fleet.Id);
        var (_, otherManagerClient) = await api.SignInAsync(UserRole.Manager, (await api.CreateFleetAsync()).Id);
        var (_, adminClient) = await api.SignInAsync(UserRole.Admin);
        var trip = await api.CreateTripAsync(driver.Id, fleet.Id);
        var job = await api.CreateJobAsync(driver.Id, trip.Id);
        var (safetyEvent, alert) = await api.CreateEventAsync(job, "microsleep", Severity.Critical);
        var scoreBefore = await ScoreAsync(driverClient, driver.Id);

        using var refused = await driverClient.DeleteAsync($"/api/jobs/{job.Id}", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("evidence", await refused.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.NotFound, (await otherManagerClient.DeleteAsync($"/api/jobs/{job.Id}", Ct)).StatusCode);
        Assert.True(await api.WithDbAsync(db => db.SafetyEvents.AnyAsync(e => e.Id == safetyEvent.Id, Ct)));
        Assert.True(await api.WithDbAsync(db => db.Alerts.AnyAsync(a => a.Id == alert!.Id, Ct)));
        Assert.Equal(scoreBefore, await ScoreAsync(driverClient, driver.Id));
        Assert.Equal(HttpStatusCode.Forbidden, (await managerClient.GetAsync("/api/jobs/deletions", Ct)).StatusCode);

        var before = DateTime.UtcNow.AddSeconds(-1);
        Assert.Equal(HttpStatusCode.NoContent, (await managerClient.DeleteAsync($"/api/jobs/{job.Id}", Ct)).StatusCode);

        Assert.False(await api.WithDbAsync(db => db.SafetyEvents.AnyAsync(e => e.Id == safetyEvent.Id, Ct)));
        var audit = await adminClient.GetFromJsonAsync<JsonObject>($"/api/jobs/deletions?ownerId={driver.Id}", ApiFactory.Json, Ct);
        var record = Assert.Single(audit!["items"]!.AsArray())!;
        Assert.Equal(job.Id, record["jobId"]!.GetValue<Guid>());
        Assert.Equal("clip.mp4", record["fileName"]!.GetValue<string>());
        Assert.Equal(manager.Id, record["deletedById"]!.GetValue<Guid>());
        Assert.Equal("manager", record["deletedByRole"]!.GetValue<string>());
        Assert.Equal(1, record["eventCount"]!.GetValue<int>());
        Assert.Equal(1, record["alertCount"]!.GetValue<int>());
        Assert.Equal(fleet.Id, record["fleetId"]!.GetValue<Guid>());
        Assert.InRange(record["deletedAt"]!.GetValue<DateTime>().ToUniversalTime(), before, DateTime.UtcNow.AddSeconds(1));
    }

    [Fact]
    public async Task A_driver_may_delete_their_own_upload_that_has_no_events_and_that_is_audited_too()
    {
        var fleet = await api.CreateFleetAsync();
        var (driver, driverClient) = await api.SignInAsync(UserRole.Driver, fleet.Id);
        var (_, adminClient) = await api.SignInAsync(UserRole.Admin);
        var job = await api.CreateJobAsync(driver.Id);

        Assert.Equal(HttpStatusCode.NoContent, (await driverClient.DeleteAsync($"/api/jobs/{job.Id}", Ct)).StatusCode);

        var audit = await adminClient.GetFromJsonAsync<JsonObject>($"/api/jobs/deletions?deletedById={driver.Id}", ApiFactory.Json, Ct);
        var record = Assert.Single(audit!["items"]!.AsArray())!;
        Assert.Equal(job.Id, record["jobId"]!.GetValue<Guid>());
        Assert.Equal(0, record["eventCount"]!.GetValue<int>());
    }

    [Theory]
    [InlineData(JobStatus.Queued)]
    [InlineData(JobStatus.Processing)]
    public async Task A_driver_cannot_delete_their_job_before_it_has_finished(JobStatus unfinished)
    {
        var fleet = await api.CreateFleetAsync();
        var (driver, driverClient) = await api.SignInAsync(UserRole.Driver, fleet.Id);
        var job = await api.CreateJobAsync(driver.Id);
        await SetStatusAsync(job.Id, unfinished);

        using var refused = await driverClient.DeleteAsync($"/api/jobs/{job.Id}", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("completed or failed", await refused.Content.ReadAsStringAsync(Ct));
        Assert.True(await api.WithDbAsync(db => db.VideoJobs.AnyAsync(j => j.Id == job.Id, Ct)));
        await SetStatusAsync(job.Id, JobStatus.Failed);
        Assert.Equal(HttpStatusCode.NoContent, (await driverClient.DeleteAsync($"/api/jobs/{job.Id}", Ct)).StatusCode);
    }

    private Task SetStatusAsync(Guid jobId, JobStatus status) =>
        api.WithDbAsync(db => db.VideoJobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, status), Ct));

    [Fact]
    public async Task Deleting_a_job_removes_its_stored_video_but_never_a_file_outside_the_data_folder()
    {
        var (admin, adminClient) = await api.SignInAsync(UserRole.Admin);
        var inside = await api.CreateJobAsync(admin.Id);
        var insidePath = await api.WithDbAsync(db => db.Videos.Where(v => v.Id == inside.VideoId).Select(v => v.StoragePath).SingleAsync(Ct));
        var outside = await api.CreateJobAsync(admin.Id);
        var outsidePath = Path.Combine(Path.GetTempPath(), $"not-a-video-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(outsidePath, "keep me", Ct);
        await api.WithDbAsync(db => db.Videos.Where(v => v.Id == outside.VideoId).ExecuteUpdateAsync(s => s.SetProperty(v => v.StoragePath, outsidePath), Ct));

        Assert.Equal(HttpStatusCode.NoContent, (await adminClient.DeleteAsync($"/api/jobs/{inside.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await adminClient.DeleteAsync($"/api/jobs/{outside.Id}", Ct)).StatusCode);

        Assert.False(File.Exists(insidePath));
        Assert.True(File.Exists(outsidePath), "a stored path outside the data folder was deleted");
        File.Delete(outsidePath);
    }

    [Theory]
    [InlineData("1900-01-01T00:00:00Z", null, "endedAt")]
    [InlineData("{start}", "{start+25h}", "endedAt")]
    [InlineData("{now+1d}", null, "startedAt")]
    [InlineData("{start}", "{now+1d}", "endedAt")]
    [InlineData("{start}", "{start-1h}", "endedAt")]
    [InlineData("{now-40d}", "{now-40d+1h}", "startedAt")]
    public async Task Trip_times_must_be_sane_on_create_and_on_update(string startedAt, string? endedAt, string field)
    {
        var fleet = await api.CreateFleetAsync();
        var (driver, client) = await api.SignInAsync(UserRole.Driver, fleet.Id);
        var now = DateTime.UtcNow;
        var start = now.AddHours(-30);
        string? Fill(string? text) => text?.Replace("{start}", start.ToString("O")).Replace("{start+25h}", start.AddHours(25).ToString("O"))
            .Replace("{start-1h}", start.AddHours(-1).ToString("O")).Replace("{now+1d}", now.AddDays(1).ToString("O"))
            .Replace("{now-40d}", now.AddDays(-40).ToString("O")).Replace("{now-40d+1h}", now.AddDays(-40).AddHours(1).ToString("O"));
        var body = new JsonObject { ["startedAt"] = Fill(startedAt), ["endedAt"] = Fill(endedAt) };
        if (startedAt.StartsWith("1900", StringComparison.Ordinal)) body["endedAt"] = now.AddMinutes(-1).ToString("O");

        using var created = await client.PostAsJsonAsync("/api/trips", body, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, created.StatusCode);
        Assert.Contains(field, await created.Content.ReadAsStringAsync(Ct), StringComparison.OrdinalIgnoreCase);

        var trip = await api.CreateTripAsync(driver.Id, fleet.Id);
        using var updated = await client.PutAsJsonAsync($"/api/trips/{trip.Id}", body, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, updated.StatusCode);
        var stored = await api.WithDbAsync(db => db.Trips.AsNoTracking().SingleAsync(t => t.Id == trip.Id, Ct));
        Assert.Equal(trip.StartedAt, stored.StartedAt, TimeSpan.FromMilliseconds(1));
        Assert.Equal(trip.EndedAt!.Value, stored.EndedAt!.Value, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task A_trips_times_are_frozen_once_a_video_is_attached()
    {
        var fleet = await api.CreateFleetAsync();
        var (driver, client) = await api.SignInAsync(UserRole.Driver, fleet.Id);
        var (_, admin) = await api.SignInAsync(UserRole.Admin);
        var trip = await api.CreateTripAsync(driver.Id, fleet.Id, startedAt: DateTime.UtcNow.AddDays(-2), hours: 1);
        await api.CreateJobAsync(driver.Id, trip.Id, durationSeconds: 1800);
        var intoTheIncidentWeek = new { startedAt = DateTime.UtcNow.AddDays(-9), endedAt = DateTime.UtcNow.AddDays(-9).AddHours(1) };

        using var moved = await client.PutAsJsonAsync($"/api/trips/{trip.Id}", intoTheIncidentWeek, Ct);
        Assert.Equal(HttpStatusCode.Conflict, moved.StatusCode);
        Assert.Contains("frozen", await moved.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync($"/api/trips/{trip.Id}", new { notes = "fine" }, Ct)).StatusCode);
        var stored = await api.WithDbAsync(db => db.Trips.AsNoTracking().SingleAsync(t => t.Id == trip.Id, Ct));
        Assert.Equal(trip.StartedAt, stored.StartedAt, TimeSpan.FromMilliseconds(1));
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/trips/{trip.Id}", intoTheIncidentWeek, Ct)).StatusCode);
    }

    [Fact]
    public async Task Hours_are_dated_by_the_job_and_capped_at_24_a_day()
    {
        var fleet = await api.CreateFleetAsync();
        var (driver, client) = await api.SignInAsync(UserRole.Driver, fleet.Id);
        var oldTrip = await api.CreateTripAsync(driver.Id, fleet.Id, startedAt: DateTime.UtcNow.AddDays(-20), hours: 2);
        await api.CreateJobAsync(driver.Id, oldTrip.Id, durationSeconds: 3600);
        for (var i = 0; i < 3; i++) await api.CreateJobAsync(driver.Id, durationSeconds: 10 * 3600);

        string Time(int days) => Uri.EscapeDataString(DateTime.UtcNow.AddDays(days).ToString("O"));
        var then = await client.GetFromJsonAsync<JsonObject>($"/api/drivers/{driver.Id}/score?from={Time(-21)}&to={Time(-19)}", ApiFactory.Json, Ct);
        var now = await client.GetFromJsonAsync<JsonObject>($"/api/drivers/{driver.Id}/score", ApiFactory.Json, Ct);

        // The clean hour uploaded today counts today, not in the week its trip claims; today's 31 h count as 24.
        Assert.Equal(0, then!["hoursDriven"]!.GetValue<double>());
        Assert.Equal(24, now!["hoursDriven"]!.GetValue<double>(), 3);
    }

    [Fact]
    public async Task A_sane_trip_of_a_full_day_is_accepted()
    {
        var fleet = await api.CreateFleetAsync();
        var (_, client) = await api.SignInAsync(UserRole.Driver, fleet.Id);
        var end = DateTime.UtcNow.AddMinutes(-1);

        using var created = await client.PostAsJsonAsync("/api/trips", new { startedAt = end.AddHours(-24), endedAt = end }, Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    [Fact]
    public async Task Score_hours_come_from_analysed_video_not_from_typed_trip_times()
    {
        var fleet = await api.CreateFleetAsync();
        var (driver, client) = await api.SignInAsync(UserRole.Driver, fleet.Id);
        var longTrip = await api.CreateTripAsync(driver.Id, fleet.Id, hours: 20);
        var job = await api.CreateJobAsync(driver.Id, longTrip.Id, durationSeconds: 1800);
        await api.CreateEventAsync(job, "microsleep", Severity.Critical);
        await api.CreateTripAsync(driver.Id, fleet.Id, startedAt: DateTime.UtcNow.AddDays(-3), hours: 23);
        var shortTrip = await api.CreateTripAsync(driver.Id, fleet.Id, startedAt: DateTime.UtcNow.AddDays(-5), hours: 0.25);
        await api.CreateJobAsync(driver.Id, shortTrip.Id, durationSeconds: 3600);

        var score = await client.GetFromJsonAsync<JsonObject>($"/api/drivers/{driver.Id}/score", ApiFactory.Json, Ct);

        // 0.5 h of video on the 20 h trip, nothing for the 23 h trip without video, 0.25 h for the trip its 1 h video overruns.
        Assert.Equal(0.75, score!["tripHours"]!.GetValue<double>());
        Assert.Equal(0.75, score["hoursDriven"]!.GetValue<double>());
        Assert.Equal(100 - Math.Round(10 * 2 / 0.75, 2), score["score"]!.GetValue<double>(), 1);
    }

    [Fact]
    public async Task Moving_a_driver_to_another_fleet_leaves_their_old_jobs_events_and_alerts_in_the_old_fleet()
    {
        var oldFleet = await api.CreateFleetAsync();
        var newFleet = await api.CreateFleetAsync();
        var driver = await api.CreateUserAsync(UserRole.Driver, oldFleet.Id);
        var (_, oldManager) = await api.SignInAsync(UserRole.Manager, oldFleet.Id);
        var (_, newManager) = await api.SignInAsync(UserRole.Manager, newFleet.Id);
        var (_, admin) = await api.SignInAsync(UserRole.Admin);
        var job = await api.CreateJobAsync(driver.Id);
        var (safetyEvent, alert) = await api.CreateEventAsync(job, "phone_use", Severity.Critical);

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/users/{driver.Id}", new { fleetId = newFleet.Id }, Ct)).StatusCode);

        foreach (var path in new[] { $"/api/jobs/{job.Id}", $"/api/events/{safetyEvent.Id}", $"/api/alerts/{alert!.Id}" })
        {
            Assert.True(HttpStatusCode.OK == (await oldManager.GetAsync(path, Ct)).StatusCode, $"old fleet {path}");
            Assert.True(HttpStatusCode.NotFound == (await newManager.GetAsync(path, Ct)).StatusCode, $"new fleet {path}");
        }
        var newFleetEvents = await newManager.GetFromJsonAsync<JsonObject>("/api/events", ApiFactory.Json, Ct);
        Assert.Equal(0, newFleetEvents!["total"]!.GetValue<int>());
    }

    private static async Task<double> ScoreAsync(HttpClient client, Guid driverId) =>
        (await client.GetFromJsonAsync<JsonObject>($"/api/drivers/{driverId}/score", ApiFactory.Json, Ct))!["score"]!.GetValue<double>();
}
