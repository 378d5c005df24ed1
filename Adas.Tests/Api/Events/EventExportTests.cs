using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Adas.Data.Entities;
using Adas.Tests.Api.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Adas.Tests.Api.Events;

/// <summary><c>GET /api/events/export</c>: the list's filters, order and visibility as a streamed, formula-safe CSV file.</summary>
[Collection(ApiCollection.Name)]
public sealed class EventExportTests(ApiFactory api)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_export_has_the_filtered_lists_rows_in_its_order_and_nothing_from_another_fleet()
    {
        var fleet = await api.CreateFleetAsync();
        var driver = await api.CreateUserAsync(UserRole.Driver, fleet.Id);
        var (_, manager) = await api.SignInAsync(UserRole.Manager, fleet.Id);
        var trip = await api.CreateTripAsync(driver.Id, fleet.Id);
        var job = await api.CreateJobAsync(driver.Id, trip.Id);
        var start = new DateTime(2026, 5, 1, 8, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < 150; i++)
            await api.CreateEventAsync(job, i % 3 == 0 ? "yawning" : "phone_use", i % 2 == 0 ? Severity.Warning : Severity.Critical, start.AddMinutes(i));
        var otherFleet = await api.CreateFleetAsync();
        var otherDriver = await api.CreateUserAsync(UserRole.Driver, otherFleet.Id);
        var (hidden, _) = await api.CreateEventAsync(await api.CreateJobAsync(otherDriver.Id), "phone_use", Severity.Warning, start.AddMinutes(3));

        const string filter = "type=phone_use&severity=warning&from=2026-05-01T08:10:00Z";
        var listed = new List<Guid>();
        for (var page = 1; ; page++)
        {
            var items = (await manager.GetFromJsonAsync<JsonObject>($"/api/events?{filter}&pageSize=20&page={page}", ApiFactory.Json, Ct))!["items"]!.AsArray();
            if (items.Count == 0) break;
            listed.AddRange(items.Select(i => i!["id"]!.GetValue<Guid>()));
        }
        using var response = await manager.GetAsync($"/api/events/export?{filter}", HttpCompletionOption.ResponseHeadersRead, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("events.csv", response.Content.Headers.ContentDisposition?.FileName);
        Assert.Null(response.Content.Headers.ContentLength); // written as it is read, not buffered into one sized body
        var lines = (await response.Content.ReadAsStringAsync(Ct)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id,occurredAt,type,severity,", lines[0]);
        var rows = lines[1..].Select(l => l.Split(',')).ToList();
        Assert.True(listed.Count > 20, $"only {listed.Count} events matched: the filter should span several pages");
        Assert.Equal(listed, rows.Select(r => Guid.Parse(r[0])));
        Assert.All(rows, r => Assert.Equal(("phone_use", "warning"), (r[2], r[3])));
        Assert.DoesNotContain(hidden.Id, rows.Select(r => Guid.Parse(r[0])));
    }

    [Fact]
    public async Task An_export_beyond_the_row_cap_is_refused_with_a_problem_saying_how_to_narrow_it()
    {
        await using var capped = api.WithWebHostBuilder(b => b.UseSetting("Exports:MaxRows", "3"));
        var fleet = await api.CreateFleetAsync();
        var driver = await api.CreateUserAsync(UserRole.Driver, fleet.Id);
        var manager = await api.CreateUserAsync(UserRole.Manager, fleet.Id);
        var job = await api.CreateJobAsync(driver.Id);
        var start = new DateTime(2026, 6, 1, 8, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < 4; i++) await api.CreateEventAsync(job, "phone_use", Severity.Warning, start.AddMinutes(i));
        using var client = capped.CreateClient();
        var token = (await api.LoginResponseAsync(manager))["accessToken"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);

        using var refused = await client.GetAsync("/api/events/export", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("at most 3", await refused.Content.ReadAsStringAsync(Ct));

        using var narrowed = await client.GetAsync("/api/events/export?from=2026-06-01T08:02:00Z", Ct);
        Assert.Equal(HttpStatusCode.OK, narrowed.StatusCode);
        Assert.Equal(3, (await narrowed.Content.ReadAsStringAsync(Ct)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task Cells_a_spreadsheet_would_run_as_formulas_are_prefixed_and_quoted_when_needed()
    {
        var fleet = await api.CreateFleetAsync();
        var (driver, client) = await api.SignInAsync(UserRole.Driver, fleet.Id);
        var job = await api.CreateJobAsync(driver.Id);
        var (formula, _) = await api.CreateEventAsync(job, "phone_use");
        var (quoted, _) = await api.CreateEventAsync(job, "yawning");
        await api.WithDbAsync(async db =>
        {
            await db.SafetyEvents.Where(e => e.Id == formula.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.PeakMetric, "=HYPERLINK(\"x\")"), Ct);
            await db.SafetyEvents.Where(e => e.Id == quoted.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.PeakMetric, "@sum,1"), Ct);
        });

        var csv = await client.GetStringAsync($"/api/events/export?jobId={job.Id}", Ct);

        Assert.Contains(",\"'=HYPERLINK(\"\"x\"\")\",", csv);
        Assert.Contains(",\"'@sum,1\",", csv);
        Assert.DoesNotContain(",=", csv);
        Assert.DoesNotContain(",@", csv);
    }

    [Fact]
    public async Task A_bad_filter_is_a_problem_not_a_file()
    {
        var (_, admin) = await api.SignInAsync(UserRole.Admin);

        using var response = await admin.GetAsync("/api/events/export?severity=apocalyptic", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
