using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Adas.Data.Entities;
using Adas.Tests.Api.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Adas.Tests.Api.Authorization;

/// <summary>Fields a caller does not own (role, fleet, owner, driver) are never taken from a request body.</summary>
[Collection(ApiCollection.Name)]
public sealed class MassAssignmentTests(ApiFactory api)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_driver_cannot_change_their_own_role_fleet_or_status_through_put_users_me()
    {
        var fleet = await api.CreateFleetAsync();
        var otherFleet = await api.CreateFleetAsync();
        var (driver, client) = await api.SignInAsync(UserRole.Driver, fleet.Id);

        var response = await client.PutAsJsonAsync("/api/users/me", new
        {
            displayName = "Still a driver", role = "admin", fleetId = otherFleet.Id, isActive = true, id = Guid.NewGuid(),
            email = "admin@adas.local", passwordHash = "x",
        }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await api.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == driver.Id, Ct));
        Assert.Equal(("Still a driver", UserRole.Driver, fleet.Id, driver.Email), (stored.DisplayName, stored.Role, stored.FleetId, stored.Email));
        Assert.Equal(HttpStatusCode.OK, (await api.CreateClient().PostAsJsonAsync("/api/auth/login",
            new { email = driver.Email, password = driver.Password }, Ct)).StatusCode);
    }

    [Fact]
    public async Task A_driver_cannot_create_or_move_a_trip_onto_another_driver()
    {
        var fleet = await api.CreateFleetAsync();
        var (driver, client) = await api.SignInAsync(UserRole.Driver, fleet.Id);
        var other = await api.CreateUserAsync(UserRole.Driver, fleet.Id);
        var otherFleet = await api.CreateFleetAsync();

        var forOther = await client.PostAsJsonAsync("/api/trips", new { driverId = other.Id, distanceKm = 5 }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, forOther.StatusCode);
        Assert.Contains("driverId", await forOther.Content.ReadAsStringAsync(Ct));
        Assert.False(await api.WithDbAsync(db => db.Trips.AnyAsync(t => t.DriverId == other.Id, Ct)));

        var own = await client.PostAsJsonAsync("/api/trips", new { distanceKm = 5, fleetId = otherFleet.Id }, Ct);
        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        var trip = await own.Content.ReadFromJsonAsync<JsonObject>(ApiFactory.Json, Ct);
        Assert.Equal(driver.Id, trip!["driverId"]!.GetValue<Guid>());
        Assert.Equal(fleet.Id, trip["fleetId"]!.GetValue<Guid>());

        var move = await client.PutAsJsonAsync($"/api/trips/{trip["id"]}", new { driverId = other.Id }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, move.StatusCode);
        var stored = await api.WithDbAsync(db => db.Trips.AsNoTracking().SingleAsync(t => t.Id == trip["id"]!.GetValue<Guid>(), Ct));
        Assert.Equal(driver.Id, stored.DriverId);
    }

    [Fact]
    public async Task A_manager_cannot_create_admins_or_place_users_and_vehicles_in_another_fleet()
    {
        var fleet = await api.CreateFleetAsync();
        var otherFleet = await api.CreateFleetAsync();
        var (_, manager) = await api.SignInAsync(UserRole.Manager, fleet.Id);

        var admin = await manager.PostAsJsonAsync("/api/users",
            new { email = $"{Guid.NewGuid():N}@tests.local", displayName = "x", password = "Secret-12345", role = "admin" }, Ct);
        var elsewhere = await manager.PostAsJsonAsync("/api/users",
            new { email = $"{Guid.NewGuid():N}@tests.local", displayName = "x", password = "Secret-12345", fleetId = otherFleet.Id }, Ct);
        var vehicle = await manager.PostAsJsonAsync("/api/vehicles", new { name = "Van", fleetId = otherFleet.Id }, Ct);
        var driver = await manager.PostAsJsonAsync("/api/users",
            new { email = $"{Guid.NewGuid():N}@tests.local", displayName = "New", password = "Secret-12345" }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, admin.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, elsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, vehicle.StatusCode);
        Assert.Equal(HttpStatusCode.Created, driver.StatusCode);
        var created = await driver.Content.ReadFromJsonAsync<JsonObject>(ApiFactory.Json, Ct);
        Assert.Equal("driver", created!["role"]!.GetValue<string>());
        Assert.Equal(fleet.Id, created["fleetId"]!.GetValue<Guid>());
        Assert.False(await api.WithDbAsync(db => db.Users.AnyAsync(u => u.FleetId == otherFleet.Id, Ct)));
        Assert.False(await api.WithDbAsync(db => db.Vehicles.AnyAsync(v => v.FleetId == otherFleet.Id, Ct)));
    }

    [Fact]
    public async Task A_manager_cannot_promote_a_driver_or_move_them_to_another_fleet()
    {
        var fleet = await api.CreateFleetAsync();
        var otherFleet = await api.CreateFleetAsync();
        var (_, manager) = await api.SignInAsync(UserRole.Manager, fleet.Id);
        var driver = await api.CreateUserAsync(UserRole.Driver, fleet.Id);

        var promote = await manager.PutAsJsonAsync($"/api/users/{driver.Id}", new { role = "admin" }, Ct);
        var move = await manager.PutAsJsonAsync($"/api/users/{driver.Id}", new { fleetId = otherFleet.Id }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, promote.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, move.StatusCode);
        var stored = await api.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == driver.Id, Ct));
        Assert.Equal((UserRole.Driver, fleet.Id), (stored.Role, stored.FleetId));
    }
}
