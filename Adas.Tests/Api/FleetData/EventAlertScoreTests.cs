using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Adas.Data.Entities;
using Adas.Tests.Api.Infrastructure;

namespace Adas.Tests.Api.FleetData;

[Collection(ApiCollection.Name)]
public sealed class EventAlertScoreTests(ApiFactory api)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Events_filter_by_type_severity_time_and_trip_and_stats_count_by_type_severity_and_day()
    {
        var fleet = await api.CreateFleetAsync();
        var (driver, client) = await api.SignInAsync(UserRole.Driver, fleet.Id);
        var trip = await api.CreateTripAsync(driver.Id, fleet.Id);
        var job = await api.CreateJobAsync(driver.Id, trip.Id);
        var day1 = new DateTime(2026, 4, 1, 10, 0, 0, DateTimeKind.Utc);
        var (critical, _) = await api.CreateEventAsync(job, "microsleep", Severity.Critical, day1);
        await api.CreateEventAsync(job, "yawning", Severity.Info, day1.AddHours(1));
        await api.CreateEventAsync(job, "yawning", Severity.Warning, day1.AddDays(1));

        var criticals = await client.GetFromJsonAsync<JsonObject>($"/api/events?severity=critical&tripId={trip.Id}", ApiFactory.Json, Ct);
        Assert.Equal([critical.Id], criticals!["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()));
        Assert.Equal("critical", criticals["items"]![0]!["severity"]!.GetValue<string>());
        var yawns = await client.GetFromJsonAsync<JsonObject>("/api/events?type=yawning&from=2026-04-02T00:00:00Z", ApiFactory.Json, Ct);
        Assert.Equal(1, yawns!["total"]!.GetValue<int>());

        var stats = await client.GetFromJsonAsync<JsonObject>($"/api/events/stats?tripId={trip.Id}", ApiFactory.Json, Ct);
        Assert.Equal(3, stats!["total"]!.GetValue<int>());
        var byDay = stats["byDay"]!.AsArray().Select(d => (d!["key"]!.GetValue<string>(), d["count"]!.GetValue<int>())).ToList();
        Assert.Equal([("2026-04-01", 2), ("2026-04-02", 1)], byDay);
        Assert.Contains(stats["byType"]!.AsArray(), c => c!["key"]!.GetValue<string>() == "yawning" && c["count"]!.GetValue<int>() == 2);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/events?severity=apocalyptic", Ct)).StatusCode);
    }

    [Fact]
    public async Task Acknowledging_an_alert_records_who_and_when_in_its_history_and_only_once()
    {
        var fleet = await api.CreateFleetAsync();
        var driver = await api.CreateUserAsync(UserRole.Driver, fleet.Id);
        var (manager, client) = await api.SignInAsync(UserRole.Manager, fleet.Id);
        var trip = await api.CreateTripAsync(driver.Id, fleet.Id);
        var (_, alert) = await api.CreateEventAsync(await api.CreateJobAsync(driver.Id, trip.Id), "phone_use", Severity.Critical);

        var open = await client.GetFromJsonAsync<JsonObject>("/api/alerts?status=open&severity=critical", ApiFactory.Json, Ct);
        Assert.Contains(open!["items"]!.AsArray(), a => a!["id"]!.GetValue<Guid>() == alert!.Id);
        var ack = await client.PostAsJsonAsync($"/api/alerts/{alert!.Id}/acknowledge", new { note = "coached" }, Ct);
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        var acknowledged = (await ack.Content.ReadFromJsonAsync<JsonObject>(ApiFactory.Json, Ct))!;
        Assert.Equal("acknowledged", acknowledged["status"]!.GetValue<string>());
        Assert.Equal(manager.Id, acknowledged["acknowledgedById"]!.GetValue<Guid>());

        var history = await client.GetFromJsonAsync<JsonArray>($"/api/alerts/{alert.Id}/history", ApiFactory.Json, Ct);
        var entry = Assert.Single(history!);
        Assert.Equal("acknowledged", entry!["action"]!.GetValue<string>());
        Assert.Equal(manager.Id, entry["byUserId"]!.GetValue<Guid>());
        Assert.Equal("coached", entry["note"]!.GetValue<string>());
        Assert.True(DateTime.UtcNow - entry["at"]!.GetValue<DateTime>().ToUniversalTime() < TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsJsonAsync($"/api/alerts/{alert.Id}/acknowledge", new { }, Ct)).StatusCode);

        var resolved = await client.PostAsJsonAsync($"/api/alerts/{alert.Id}/resolve", new { note = "closed" }, Ct);
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        var current = await client.GetFromJsonAsync<JsonObject>($"/api/alerts/{alert.Id}", ApiFactory.Json, Ct);
        Assert.Equal("resolved", current!["status"]!.GetValue<string>());
        var actions = (await client.GetFromJsonAsync<JsonArray>($"/api/alerts/{alert.Id}/history", ApiFactory.Json, Ct))!
            .Select(h => h!["action"]!.GetValue<string>());
        Assert.Equal(["acknowledged", "resolved"], actions);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsJsonAsync($"/api/alerts/{alert.Id}/resolve", new { }, Ct)).StatusCode);
    }

    [Fact]
    public async Task The_driver_score_is_100_minus_weighted_events_per_hour_with_its_breakdown()
    {
        var fleet = await api.CreateFleetAsync();
        var (driver, client) = await api.SignInAsync(UserRole.Driver, fleet.Id);
        var trip = await api.CreateTripAsync(driver.Id, fleet.Id, hours: 2);
        var job = await api.CreateJobAsync(driver.Id, trip.Id, durationSeconds: 7200);
        await api.CreateEventAsync(job, "forward_collision_warning", Severity.Warning);
        await api.CreateEventAsync(job, "forward_collision_warning", Severity.Warning);
        await api.CreateEventAsync(job, "microsleep", Severity.Critical);
        await api.CreateJobAsync(driver.Id, tripId: null, durationSeconds: 1800);

        var score = await client.GetFromJsonAsync<JsonObject>($"/api/drivers/{driver.Id}/score", ApiFactory.Json, Ct);

        // 2.5 h driven (2 h trip with 2 h of video + 0.5 h of video outside trips); FCW 5 x 1 x 2/2.5 = 4; microsleep 10 x 2 x 1/2.5 = 8.
        Assert.Equal(2.5, score!["hoursDriven"]!.GetValue<double>());
        Assert.Equal(2, score["tripHours"]!.GetValue<double>());
        Assert.Equal(0.5, score["videoHours"]!.GetValue<double>());
        Assert.Equal(12, score["totalPenalty"]!.GetValue<double>());
        Assert.Equal(88, score["score"]!.GetValue<double>());
        var breakdown = score["breakdown"]!.AsArray();
        Assert.Equal(2, breakdown.Count);
        Assert.Equal("microsleep", breakdown[0]!["type"]!.GetValue<string>());
        Assert.Equal(8, breakdown[0]!["penalty"]!.GetValue<double>());
        Assert.Equal(2, breakdown[0]!["severityMultiplier"]!.GetValue<double>());
    }

    [Fact]
    public async Task A_driver_with_no_history_scores_100()
    {
        var fleet = await api.CreateFleetAsync();
        var (driver, client) = await api.SignInAsync(UserRole.Driver, fleet.Id);

        var score = await client.GetFromJsonAsync<JsonObject>($"/api/drivers/{driver.Id}/score", ApiFactory.Json, Ct);

        Assert.Equal(100, score!["score"]!.GetValue<double>());
        Assert.Empty(score["breakdown"]!.AsArray());
    }
}
