using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Adas.Data.Entities;
using Adas.Tests.Api.Infrastructure;

namespace Adas.Tests.Api.Authorization;

/// <summary>Object-level authorization: what belongs to someone else answers 404 and never shows up in lists.</summary>
[Collection(ApiCollection.Name)]
public sealed class BolaTests(ApiFactory api)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Driver_a_cannot_read_list_or_delete_driver_b_trips_events_or_alerts()
    {
        var fleet = await api.CreateFleetAsync();
        var (driverA, clientA) = await api.SignInAsync(UserRole.Driver, fleet.Id);
        var driverB = await api.CreateUserAsync(UserRole.Driver, fleet.Id);
        var tripA = await api.CreateTripAsync(driverA.Id, fleet.Id);
        var (eventA, alertA) = await api.CreateEventAsync(await api.CreateJobAsync(driverA.Id, tripA.Id));
        var tripB = await api.CreateTripAsync(driverB.Id, fleet.Id);
        var (eventB, alertB) = await api.CreateEventAsync(await api.CreateJobAsync(driverB.Id, tripB.Id));

        foreach (var path in new[]
        {
            $"/api/trips/{tripB.Id}", $"/api/trips/{tripB.Id}/stats", $"/api/events/{eventB.Id}",
            $"/api/alerts/{alertB!.Id}/history", $"/api/drivers/{driverB.Id}/score", $"/api/users/{driverB.Id}",
        })
            Assert.True(HttpStatusCode.NotFound == (await clientA.GetAsync(path, Ct)).StatusCode, path);
        Assert.Equal(HttpStatusCode.NotFound, (await clientA.DeleteAsync($"/api/trips/{tripB.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clientA.PutAsJsonAsync($"/api/trips/{tripB.Id}", new { distanceKm = 1 }, Ct)).StatusCode);

        Assert.Equal([tripA.Id], await IdsAsync(clientA, "/api/trips"));
        Assert.Equal([eventA.Id], await IdsAsync(clientA, "/api/events"));
        Assert.Equal([alertA!.Id], await IdsAsync(clientA, "/api/alerts"));
        Assert.Empty(await IdsAsync(clientA, $"/api/events?driverId={driverB.Id}"));
        Assert.Empty(await IdsAsync(clientA, $"/api/trips?driverId={driverB.Id}"));
        var stats = await clientA.GetFromJsonAsync<JsonObject>("/api/events/stats", ApiFactory.Json, Ct);
        Assert.Equal(1, stats!["total"]!.GetValue<int>());
        Assert.True(await api.WithDbAsync(db => Task.FromResult(db.Trips.Any(t => t.Id == tripB.Id))), "driver B's trip was deleted");
    }

    [Fact]
    public async Task A_manager_or_viewer_of_another_fleet_sees_nothing_of_this_fleet()
    {
        var fleet = await api.CreateFleetAsync();
        var driver = await api.CreateUserAsync(UserRole.Driver, fleet.Id);
        var vehicle = await api.CreateVehicleAsync(fleet.Id);
        var trip = await api.CreateTripAsync(driver.Id, fleet.Id, vehicle.Id);
        var (safetyEvent, alert) = await api.CreateEventAsync(await api.CreateJobAsync(driver.Id, trip.Id));
        var otherFleet = await api.CreateFleetAsync();
        var (_, manager) = await api.SignInAsync(UserRole.Manager, otherFleet.Id);
        var (_, viewer) = await api.SignInAsync(UserRole.Viewer, otherFleet.Id);

        foreach (var client in new[] { manager, viewer })
        {
            foreach (var path in new[]
            {
                $"/api/trips/{trip.Id}", $"/api/events/{safetyEvent.Id}", $"/api/vehicles/{vehicle.Id}", $"/api/users/{driver.Id}",
                $"/api/alerts/{alert!.Id}/history", $"/api/drivers/{driver.Id}/score",
            })
                Assert.True(HttpStatusCode.NotFound == (await client.GetAsync(path, Ct)).StatusCode, path);
            Assert.DoesNotContain(trip.Id, await IdsAsync(client, "/api/trips"));
            Assert.DoesNotContain(safetyEvent.Id, await IdsAsync(client, "/api/events"));
            Assert.DoesNotContain(alert!.Id, await IdsAsync(client, "/api/alerts"));
        }
        Assert.Equal(HttpStatusCode.NotFound, (await manager.PostAsJsonAsync($"/api/alerts/{alert!.Id}/acknowledge", new { }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.DeleteAsync($"/api/trips/{trip.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.DeleteAsync($"/api/vehicles/{vehicle.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.PutAsJsonAsync($"/api/users/{driver.Id}", new { isActive = false }, Ct)).StatusCode);
    }

    internal static async Task<List<Guid>> IdsAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path, Ct);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        var page = await response.Content.ReadFromJsonAsync<JsonObject>(ApiFactory.Json, Ct);
        return [.. page!["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>())];
    }
}
