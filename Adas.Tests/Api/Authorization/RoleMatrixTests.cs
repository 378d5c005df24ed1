using System.Text.Json;
using Adas.Data.Entities;
using Adas.Tests.Api.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Adas.Tests.Api.Authorization;

/// <summary>
/// Function-level authorization: what each role may do within its own fleet (403 for a denied function); a 2xx change
/// changes the stored data, a read or a 403 leaves it as it was.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class RoleMatrixTests(ApiFactory api)
{
    private const string NewDriver = """{"email":"{unique}@tests.local","displayName":"New driver","password":"Secret-12345","role":"driver"}""";
    private const string NewManager = """{"email":"{unique}@tests.local","displayName":"New manager","password":"Secret-12345","role":"manager","fleetId":"{fleet}"}""";
    private const string NewVehicle = """{"name":"Van","plate":"{unique}","fleetId":"{fleet}","cameraHorizontalFovDegrees":90,"cameraMountHeightMeters":1.4}""";
    private const string NewTrip = """{"driverId":"{driver}","vehicleId":"{vehicle}","distanceKm":10}""";
    private const string NewFleet = """{"name":"fleet-{unique}"}""";

    public static TheoryData<UserRole, string, string, string?, int> Matrix => new()
    {
        { UserRole.Admin, "GET", "/api/users", null, 200 },
        { UserRole.Admin, "POST", "/api/users", NewManager, 201 },
        { UserRole.Admin, "PUT", "/api/users/{driver}", """{"displayName":"Renamed"}""", 200 },
        { UserRole.Admin, "DELETE", "/api/users/{driver}", null, 204 },
        { UserRole.Admin, "POST", "/api/fleets", NewFleet, 201 },
        { UserRole.Admin, "POST", "/api/vehicles", NewVehicle, 201 },
        { UserRole.Admin, "POST", "/api/trips", NewTrip, 201 },
        { UserRole.Admin, "POST", "/api/alerts/{alert}/acknowledge", "{}", 200 },
        { UserRole.Admin, "POST", "/api/models/{model}/activate", null, 200 },
        { UserRole.Admin, "GET", "/api/drivers/{driver}/score", null, 200 },
        { UserRole.Admin, "DELETE", "/api/jobs/{job}", null, 204 },
        { UserRole.Admin, "GET", "/api/jobs/deletions", null, 200 },

        { UserRole.Manager, "GET", "/api/users", null, 200 },
        { UserRole.Manager, "POST", "/api/users", NewDriver, 201 },
        { UserRole.Manager, "POST", "/api/users", NewManager, 403 },
        { UserRole.Manager, "PUT", "/api/users/{driver}", """{"displayName":"Renamed"}""", 200 },
        { UserRole.Manager, "DELETE", "/api/users/{driver}", null, 403 },
        { UserRole.Manager, "POST", "/api/fleets", NewFleet, 403 },
        { UserRole.Manager, "POST", "/api/vehicles", NewVehicle, 201 },
        { UserRole.Manager, "PUT", "/api/vehicles/{vehicle}", """{"cameraMountHeightMeters":1.5}""", 200 },
        { UserRole.Manager, "DELETE", "/api/vehicles/{vehicle}", null, 204 },
        { UserRole.Manager, "POST", "/api/trips", NewTrip, 201 },
        { UserRole.Manager, "PUT", "/api/trips/{trip}", """{"distanceKm":12.5}""", 200 },
        { UserRole.Manager, "DELETE", "/api/trips/{trip}", null, 204 },
        { UserRole.Manager, "GET", "/api/trips/{trip}/stats", null, 200 },
        { UserRole.Manager, "GET", "/api/events/{event}", null, 200 },
        { UserRole.Manager, "POST", "/api/alerts/{alert}/acknowledge", """{"note":"talked to the driver"}""", 200 },
        { UserRole.Manager, "POST", "/api/models/{model}/activate", null, 403 },
        { UserRole.Manager, "GET", "/api/drivers/{driver}/score", null, 200 },
        { UserRole.Manager, "DELETE", "/api/jobs/{job}", null, 204 },
        { UserRole.Manager, "GET", "/api/jobs/deletions", null, 403 },

        { UserRole.Driver, "GET", "/api/trips", null, 200 },
        { UserRole.Driver, "GET", "/api/trips/{trip}", null, 200 },
        { UserRole.Driver, "POST", "/api/trips", """{"vehicleId":"{vehicle}"}""", 201 },
        { UserRole.Driver, "PUT", "/api/trips/{trip}", """{"distanceKm":3}""", 200 },
        { UserRole.Driver, "DELETE", "/api/trips/{trip}", null, 204 },
        { UserRole.Driver, "GET", "/api/events", null, 200 },
        { UserRole.Driver, "GET", "/api/events/{event}", null, 200 },
        { UserRole.Driver, "GET", "/api/alerts", null, 200 },
        { UserRole.Driver, "POST", "/api/alerts/{alert}/acknowledge", "{}", 403 },
        { UserRole.Driver, "GET", "/api/vehicles", null, 200 },
        { UserRole.Driver, "POST", "/api/vehicles", NewVehicle, 403 },
        { UserRole.Driver, "GET", "/api/users/{caller}", null, 200 },
        { UserRole.Driver, "POST", "/api/users", NewDriver, 403 },
        { UserRole.Driver, "PUT", "/api/users/{caller}", """{"role":"admin"}""", 403 },
        { UserRole.Driver, "POST", "/api/fleets", NewFleet, 403 },
        { UserRole.Driver, "POST", "/api/models/{model}/activate", null, 403 },
        { UserRole.Driver, "GET", "/api/drivers/{driver}/score", null, 200 },
        { UserRole.Driver, "DELETE", "/api/jobs/{job}", null, 403 },
        { UserRole.Driver, "GET", "/api/jobs/deletions", null, 403 },

        { UserRole.Viewer, "GET", "/api/trips", null, 200 },
        { UserRole.Viewer, "GET", "/api/trips/{trip}", null, 200 },
        { UserRole.Viewer, "GET", "/api/trips/{trip}/stats", null, 200 },
        { UserRole.Viewer, "GET", "/api/events", null, 200 },
        { UserRole.Viewer, "GET", "/api/events/stats", null, 200 },
        { UserRole.Viewer, "GET", "/api/alerts", null, 200 },
        { UserRole.Viewer, "GET", "/api/alerts/{alert}/history", null, 200 },
        { UserRole.Viewer, "GET", "/api/vehicles/{vehicle}", null, 200 },
        { UserRole.Viewer, "GET", "/api/models", null, 200 },
        { UserRole.Viewer, "GET", "/api/drivers/{driver}/score", null, 200 },
        { UserRole.Viewer, "POST", "/api/trips", NewTrip, 403 },
        { UserRole.Viewer, "PUT", "/api/trips/{trip}", """{"distanceKm":1}""", 403 },
        { UserRole.Viewer, "DELETE", "/api/trips/{trip}", null, 403 },
        { UserRole.Viewer, "POST", "/api/vehicles", NewVehicle, 403 },
        { UserRole.Viewer, "PUT", "/api/vehicles/{vehicle}", """{"name":"x"}""", 403 },
        { UserRole.Viewer, "DELETE", "/api/vehicles/{vehicle}", null, 403 },
        { UserRole.Viewer, "POST", "/api/users", NewDriver, 403 },
        { UserRole.Viewer, "PUT", "/api/users/{driver}", """{"displayName":"x"}""", 403 },
        { UserRole.Viewer, "POST", "/api/alerts/{alert}/acknowledge", "{}", 403 },
        { UserRole.Viewer, "POST", "/api/fleets", NewFleet, 403 },
        { UserRole.Viewer, "POST", "/api/models/{model}/activate", null, 403 },
        { UserRole.Viewer, "DELETE", "/api/jobs/{job}", null, 403 },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_role_may_do_what_its_role_allows_and_nothing_more(UserRole role, string method, string path, string? body,
        int expected)
    {
        var world = await FleetWorld.CreateAsync(api, role);
        var before = await RecordAsync();

        using var response = await world.SendAsync(method, path, body);

        var content = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(expected == (int)response.StatusCode, $"{role} {method} {path}: expected {expected}, got {(int)response.StatusCode} {content}");
        var after = await RecordAsync();
        if (method == "GET" || expected >= 400)
            Assert.True(before == after, $"{role} {method} {path} answered {expected} but changed the data");
        else
            Assert.True(before != after, $"{role} {method} {path} answered {expected} but changed nothing");
    }

    /// <summary>Everything a request could change (sessions and last-login times aside), as one comparable text.</summary>
    private Task<string> RecordAsync() => api.WithDbAsync(async db =>
    {
        var ct = TestContext.Current.CancellationToken;
        var parts = new List<object>
        {
            await db.Users.AsNoTracking().OrderBy(u => u.Id)
                .Select(u => new { u.Id, u.Email, u.DisplayName, u.Role, u.FleetId, u.IsActive, u.PasswordHash }).ToListAsync(ct),
            await db.Fleets.AsNoTracking().OrderBy(f => f.Id).ToListAsync(ct),
            await db.Vehicles.AsNoTracking().OrderBy(v => v.Id).ToListAsync(ct),
            await db.Trips.AsNoTracking().OrderBy(t => t.Id).ToListAsync(ct),
            await db.VideoJobs.AsNoTracking().OrderBy(j => j.Id).ToListAsync(ct),
            await db.SafetyEvents.AsNoTracking().OrderBy(e => e.Id).ToListAsync(ct),
            await db.Alerts.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.Id, a.Status, a.AcknowledgedById }).ToListAsync(ct),
            await db.AlertHistory.AsNoTracking().CountAsync(ct),
            await db.ModelVersions.AsNoTracking().OrderBy(m => m.Id).ToListAsync(ct),
        };
        return JsonSerializer.Serialize(parts);
    });
}
