using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Adas.Data.Entities;
using Adas.Tests.Api.Infrastructure;

namespace Adas.Tests.Api.Fleets;

/// <summary>Per-fleet rule settings over real HTTP and SQLite: versions, ranges, audit trail, and who may read or change them.</summary>
[Collection(ApiCollection.Name)]
public sealed class FleetRuleSettingsTests(ApiFactory api)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object Settings(double fcwWarning = 2.5, double fcwCritical = 1.2) => new
    {
        settings = new { forwardCollisionWarningTtcSeconds = fcwWarning, forwardCollisionCriticalTtcSeconds = fcwCritical, phoneUseSeconds = 3.0 },
    };

    [Fact]
    public async Task A_manager_changes_the_settings_as_a_new_version_and_the_versions_name_who_changed_them()
    {
        var fleet = await api.CreateFleetAsync();
        var (manager, client) = await api.SignInAsync(UserRole.Manager, fleet.Id);

        var defaults = JsonNode.Parse(await client.GetStringAsync($"/api/fleets/{fleet.Id}/rules", Ct))!;
        Assert.Equal(0, defaults["version"]!.GetValue<int>());
        Assert.Equal(2.7, defaults["settings"]!["forwardCollisionWarningTtcSeconds"]!.GetValue<double>());

        using var first = await client.PutAsJsonAsync($"/api/fleets/{fleet.Id}/rules", Settings(), Ct);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        using var second = await client.PutAsJsonAsync($"/api/fleets/{fleet.Id}/rules", Settings(fcwWarning: 3.0), Ct);
        var current = JsonNode.Parse(await client.GetStringAsync($"/api/fleets/{fleet.Id}/rules", Ct))!;
        Assert.Equal(2, current["version"]!.GetValue<int>());
        Assert.Equal(3.0, current["settings"]!["forwardCollisionWarningTtcSeconds"]!.GetValue<double>());
        Assert.Equal(1.2, current["settings"]!["forwardCollisionCriticalTtcSeconds"]!.GetValue<double>());
        Assert.Equal(1.0, current["settings"]!["microsleepSeconds"]!.GetValue<double>()); // not sent: its default

        var versions = JsonNode.Parse(await client.GetStringAsync($"/api/fleets/{fleet.Id}/rules/versions", Ct))!.AsArray();
        Assert.Equal([2, 1], versions.Select(v => v!["version"]!.GetValue<int>()));
        Assert.All(versions, v => Assert.Equal(manager.Id, v!["changedById"]!.GetValue<Guid>()));
    }

    [Theory]
    [InlineData(2.7, 0.5, "forwardCollisionCriticalTtcSeconds")]   // below the 0.8 s floor
    [InlineData(2.0, 2.2, "forwardCollisionCriticalTtcSeconds")]   // critical above warning
    [InlineData(6.0, 1.5, "forwardCollisionWarningTtcSeconds")]    // above the 4 s ceiling
    public async Task A_value_outside_its_range_is_a_problem_naming_the_setting_and_saves_nothing(double warning, double critical, string setting)
    {
        var fleet = await api.CreateFleetAsync();
        var (_, client) = await api.SignInAsync(UserRole.Manager, fleet.Id);

        using var response = await client.PutAsJsonAsync($"/api/fleets/{fleet.Id}/rules", Settings(warning, critical), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(setting, await response.Content.ReadAsStringAsync(Ct), StringComparison.OrdinalIgnoreCase);
        var current = JsonNode.Parse(await client.GetStringAsync($"/api/fleets/{fleet.Id}/rules", Ct))!;
        Assert.Equal(0, current["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task Another_fleets_manager_gets_404_a_driver_403_and_the_fleets_viewer_may_read_but_not_change()
    {
        var fleet = await api.CreateFleetAsync();
        var (_, stranger) = await api.SignInAsync(UserRole.Manager, (await api.CreateFleetAsync()).Id);
        var (_, driver) = await api.SignInAsync(UserRole.Driver, fleet.Id);
        var (_, viewer) = await api.SignInAsync(UserRole.Viewer, fleet.Id);
        var (_, admin) = await api.SignInAsync(UserRole.Admin);

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/fleets/{fleet.Id}/rules", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PutAsJsonAsync($"/api/fleets/{fleet.Id}/rules", Settings(), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await driver.PutAsJsonAsync($"/api/fleets/{fleet.Id}/rules", Settings(), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"/api/fleets/{fleet.Id}/rules", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PutAsJsonAsync($"/api/fleets/{fleet.Id}/rules", Settings(), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/fleets/{fleet.Id}/rules", Settings(), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/fleets/{Guid.NewGuid()}/rules", Ct)).StatusCode);
    }
}
