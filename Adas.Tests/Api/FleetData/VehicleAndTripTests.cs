using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Adas.Data.Entities;
using Adas.Tests.Api.Infrastructure;

namespace Adas.Tests.Api.FleetData;

[Collection(ApiCollection.Name)]
public sealed class VehicleAndTripTests(ApiFactory api)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_vehicle_keeps_its_camera_model_and_out_of_range_values_are_400s_naming_the_fields()
    {
        var fleet = await api.CreateFleetAsync();
        var (_, manager) = await api.SignInAsync(UserRole.Manager, fleet.Id);

        var invalid = await manager.PostAsJsonAsync("/api/vehicles",
            new { name = "", cameraHorizontalFovDegrees = 250, cameraMountHeightMeters = 0.1 }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var problem = await invalid.Content.ReadAsStringAsync(Ct);
        Assert.Contains("cameraHorizontalFovDegrees", problem);
        Assert.Contains("cameraMountHeightMeters", problem);
        Assert.Contains("name", problem);

        var created = await manager.PostAsJsonAsync("/api/vehicles",
            new { name = "Truck 7", plate = $"p-{Guid.NewGuid():N}"[..10], cameraHorizontalFovDegrees = 100, cameraMountHeightMeters = 2.2 }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var vehicle = (await created.Content.ReadFromJsonAsync<JsonObject>(ApiFactory.Json, Ct))!;
        Assert.Equal(100, vehicle["camera"]!["horizontalFovDegrees"]!.GetValue<double>());
        Assert.Equal(2.2, vehicle["camera"]!["mountHeightMeters"]!.GetValue<double>());
        Assert.Equal(fleet.Id, vehicle["fleetId"]!.GetValue<Guid>());
        Assert.Equal($"/api/vehicles/{vehicle["id"]}", created.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Trip_stats_count_events_by_type_and_severity_and_per_hour()
    {
        var fleet = await api.CreateFleetAsync();
        var (driver, client) = await api.SignInAsync(UserRole.Driver, fleet.Id);
        var trip = await api.CreateTripAsync(driver.Id, fleet.Id, hours: 2);
        var job = await api.CreateJobAsync(driver.Id, trip.Id);
        await api.CreateEventAsync(job, "lane_departure", Severity.Warning);
        await api.CreateEventAsync(job, "lane_departure", Severity.Warning);
        await api.CreateEventAsync(job, "forward_collision_warning", Severity.Critical);
        await api.CreateEventAsync(job, "traffic_sign", Severity.Info);

        var stats = await client.GetFromJsonAsync<JsonObject>($"/api/trips/{trip.Id}/stats", ApiFactory.Json, Ct);

        Assert.Equal(4, stats!["totalEvents"]!.GetValue<int>());
        Assert.Equal(2, stats["durationHours"]!.GetValue<double>());
        Assert.Equal(2, stats["eventsPerHour"]!.GetValue<double>());
        var byType = stats["byType"]!.AsArray().ToDictionary(c => c!["key"]!.GetValue<string>(), c => c!["count"]!.GetValue<int>());
        Assert.Equal(new Dictionary<string, int> { ["lane_departure"] = 2, ["forward_collision_warning"] = 1, ["traffic_sign"] = 1 }, byType);
        var bySeverity = stats["bySeverity"]!.AsArray().ToDictionary(c => c!["key"]!.GetValue<string>(), c => c!["count"]!.GetValue<int>());
        Assert.Equal(new Dictionary<string, int> { ["info"] = 1, ["warning"] = 2, ["critical"] = 1 }, bySeverity);
    }

    [Fact]
    public async Task Trip_lists_filter_by_status_and_time_and_page_with_a_capped_page_size()
    {
        var fleet = await api.CreateFleetAsync();
        var (driver, client) = await api.SignInAsync(UserRole.Driver, fleet.Id);
        var start = new DateTime(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc);
        for (var day = 0; day < 5; day++) await api.CreateTripAsync(driver.Id, fleet.Id, startedAt: start.AddDays(day));

        var page = await client.GetFromJsonAsync<JsonObject>(
            $"/api/trips?from=2026-03-02T00:00:00Z&to=2026-03-05T00:00:00Z&status=completed&page=2&pageSize=2", ApiFactory.Json, Ct);

        Assert.Equal(3, page!["total"]!.GetValue<int>());
        Assert.Equal(2, page["page"]!.GetValue<int>());
        var items = page["items"]!.AsArray();
        Assert.Single(items);
        Assert.Equal("completed", items[0]!["status"]!.GetValue<string>());
        Assert.Equal(start.AddDays(1), items[0]!["startedAt"]!.GetValue<DateTime>().ToUniversalTime());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/trips?pageSize=1000", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/trips?status=flying", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_trip_that_ends_before_it_starts_is_a_400()
    {
        var fleet = await api.CreateFleetAsync();
        var (_, client) = await api.SignInAsync(UserRole.Driver, fleet.Id);

        var response = await client.PostAsJsonAsync("/api/trips",
            new { startedAt = "2026-03-01T10:00:00Z", endedAt = "2026-03-01T09:00:00Z", distanceKm = -3 }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("endedAt", body);
        Assert.Contains("distanceKm", body);
    }
}
