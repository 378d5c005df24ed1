using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Adas.Tests.Infrastructure;
using Adas.Tests.Jobs;
using Microsoft.Playwright;

namespace Adas.Tests.Web;

/// <summary>
/// The review queue in Debian's chromium against the whole graph: a fresh fleet's driver uploads the real near-miss
/// clip five times (five analyses, their warnings in the fleet's queue); a manager reviews every event by keyboard alone
/// while a second manager's inbox follows live; the driver's score and the quality page then show what the verdicts imply.
/// </summary>
[Collection(GraphCollection.Name)]
public sealed class ReviewQueueTests(GraphFixture fixture, BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private const int Uploads = 5;

    [Fact]
    public async Task A_manager_reviews_real_events_by_keyboard_a_second_inbox_follows_live_and_score_and_quality_follow_the_verdicts()
    {
        await fixture.Graph.WaitUntilWebReadyAsync();
        var fleet = await (await fixture.Api.PostAsJsonAsync("/api/fleets", new { name = $"review-{Guid.NewGuid():N}" })).JsonAsync();
        var fleetId = fleet.GetProperty("id").GetGuid();
        var (managerEmail, password) = await CreateAsync("manager", fleetId);
        var (colleagueEmail, _) = await CreateAsync("manager", fleetId);
        var (driverEmail, _) = await CreateAsync("driver", fleetId);
        using var driver = await fixture.LoginAsync(driverEmail, password);
        using var manager = await fixture.LoginAsync(managerEmail, password);
        var driverId = (await driver.GetFromJsonAsync<JsonElement>("/api/auth/me")).GetProperty("id").GetGuid();
        var jobs = new List<Guid>();
        for (var i = 0; i < Uploads; i++) jobs.Add(await driver.UploadJobAsync(await WebClips.UniqueNearMissAsync(fixture.WorkDirectory)));
        foreach (var job in jobs) Assert.Equal("completed", (await driver.WaitForFinalAsync(job, Dashboard.JobTimeout)).GetProperty("status").GetString());
        var scoreBefore = await manager.GetFromJsonAsync<JsonElement>($"/api/drivers/{driverId}/score");

        var page = await browser.NewPageAsync(fixture.Graph.WebUrl);
        var watcher = await browser.NewPageAsync(fixture.Graph.WebUrl);
        try
        {
            await page.SignInAsync(managerEmail, password);
            await watcher.SignInAsync(colleagueEmail, password);
            await watcher.OpenAsync("/events");
            await page.OpenAsync("/events");
            var ids = await page.Locator("tr[data-event]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.event)");
            output.WriteLine($"{ids.Length} events to review from {Uploads} analyses");
            Assert.True(ids.Length >= 3, $"the near miss raised {ids.Length} warnings over {Uploads} analyses");
            await page.Locator("#review-progress").Filter(new() { HasText = $"0 of {ids.Length} reviewed this week" }).WaitForAsync();
            await page.AssertAccessibleAsync();

            // First: coachable, back to it with k, then o writes the coaching note and Enter marks it coached.
            await page.Keyboard.PressAsync("j");
            await FocusedAsync(page, ids[0]);
            await page.Keyboard.PressAsync("o");
            await StateAsync(page, ids[0], "coachable");
            await FocusedAsync(page, ids[1]);
            await page.Keyboard.PressAsync("k");
            await FocusedAsync(page, ids[0]);
            await page.Keyboard.PressAsync("o");
            await page.WaitForFunctionAsync("() => document.activeElement?.hasAttribute('data-coaching-note')");
            await page.Keyboard.TypeAsync("Cover the brake near scooters");
            await page.Keyboard.PressAsync("Enter");
            await StateAsync(page, ids[0], "coached");
            await FocusedAsync(page, ids[1]);
            // The rest: confirm and dismiss (d, the first reason, Enter) in turn; focus always lands on the next unreviewed.
            var verdicts = new Dictionary<string, string> { [ids[0]] = "coached" };
            for (var i = 1; i < ids.Length; i++)
            {
                if (i == 2)
                {
                    await page.Keyboard.PressAsync("?");
                    await page.Locator("#review-keys").WaitForAsync();
                    await page.AssertAccessibleAsync();
                }
                var dismiss = i % 2 == 0;
                await page.Keyboard.PressAsync(dismiss ? "d" : "c");
                if (dismiss)
                {
                    await page.WaitForFunctionAsync("() => document.activeElement?.dataset.reason === 'not_a_hazard'");
                    await page.AssertAccessibleAsync();
                    await page.Keyboard.PressAsync("Enter");
                }
                verdicts[ids[i]] = dismiss ? "dismissed" : "confirmed";
                await StateAsync(page, ids[i], verdicts[ids[i]]);
                if (i + 1 < ids.Length) await FocusedAsync(page, ids[i + 1]);
            }
            await page.Locator("#review-progress").Filter(new() { HasText = $"{ids.Length} of {ids.Length} reviewed this week" }).WaitForAsync();
            await page.ScreenshotAsync(browser, "review-queue");

            // The second inbox saw every verdict without reloading.
            foreach (var (id, state) in verdicts) await StateAsync(watcher, id, state);
            await watcher.Locator("#review-progress").Filter(new() { HasText = $"{ids.Length} of {ids.Length} reviewed this week" }).WaitForAsync();

            // Second thoughts: the confirmed ones, selected together, are dismissed as duplicates in one bulk verdict.
            await page.SelectOptionAsync("#f-review", "confirmed");
            await page.ClickAsync("button:text-is('Apply')");
            await page.WaitForFunctionAsync("() => location.search === '?reviewState=confirmed'");
            // The rows shown before (with their new states) are replaced by the confirmed ones only.
            await page.Locator($"tr[data-event='{ids[0]}']").WaitForAsync(new() { State = WaitForSelectorState.Detached });
            var confirmedIds = verdicts.Where(v => v.Value == "confirmed").Select(v => v.Key).ToList();
            foreach (var id in confirmedIds) await page.Locator($"tr[data-event='{id}'] input[type=checkbox]").CheckAsync();
            await page.Locator(".bulk span").Filter(new() { HasText = $"{confirmedIds.Count} selected" }).WaitForAsync();
            await page.SelectOptionAsync("#bulk-reason", "duplicate");
            await page.ClickAsync("button:text-is('Dismiss selected')");
            foreach (var id in confirmedIds)
            {
                await page.Locator($"tr[data-event='{id}']").WaitForAsync(new() { State = WaitForSelectorState.Detached });
                await StateAsync(watcher, id, "dismissed");
                verdicts[id] = "dismissed";
            }

            // The score rises by exactly the penalty the breakdown no longer counts.
            var scoreAfter = await manager.GetFromJsonAsync<JsonElement>($"/api/drivers/{driverId}/score");
            output.WriteLine($"score {scoreBefore.GetProperty("score")} -> {scoreAfter.GetProperty("score")}");
            var dismissedCount = verdicts.Count(v => v.Value == "dismissed");
            Assert.Equal(dismissedCount, Breakdown(scoreAfter).Sum(b => b.GetProperty("dismissed").GetInt32()));
            Assert.Equal(0, Breakdown(scoreAfter).Sum(b => b.GetProperty("awaitingReview").GetInt32()));
            var released = Breakdown(scoreBefore).Sum(b => b.GetProperty("penalty").GetDouble()) - Breakdown(scoreAfter).Sum(b => b.GetProperty("penalty").GetDouble());
            Assert.True(released > 0);
            var expectedScore = Math.Clamp(100 - (scoreBefore.GetProperty("totalPenalty").GetDouble() - released), 0, 100);
            Assert.Equal(expectedScore, scoreAfter.GetProperty("score").GetDouble(), 1);
            Assert.True(scoreAfter.GetProperty("score").GetDouble() > scoreBefore.GetProperty("score").GetDouble());
            var driverPage = await browser.NewPageAsync(fixture.Graph.WebUrl);
            await driverPage.SignInAsync(driverEmail, password);
            await driverPage.OpenAsync($"/drivers/{driverId}");
            await driverPage.Locator($"ul.coached li[data-event='{ids[0]}']:has-text('Cover the brake near scooters')").WaitForAsync();
            await driverPage.Context.CloseAsync();

            // The quality page shows the precision these verdicts imply, per type and severity.
            await page.OpenAsync("/quality");
            var events = new List<JsonElement>();
            foreach (var job in jobs)
                events.AddRange((await manager.GetFromJsonAsync<JsonElement>($"/api/jobs/{job}/events?pageSize=100")).GetProperty("items").EnumerateArray());
            foreach (var group in events.Where(e => verdicts.ContainsKey(e.GetProperty("id").GetString()!))
                         .GroupBy(e => (Type: e.GetProperty("type").GetString()!, Severity: e.GetProperty("severity").GetString()!)))
            {
                var confirmed = group.Count(e => verdicts[e.GetProperty("id").GetString()!] != "dismissed");
                var expected = (100.0 * confirmed / group.Count()).ToString("0.#", CultureInfo.InvariantCulture) + " %";
                var cell = page.Locator($"tr[data-type='{group.Key.Type}'][data-severity='{group.Key.Severity}'] td.precision");
                Assert.Equal(expected, (await cell.TextContentAsync())?.Trim());
            }
            await page.AssertAccessibleAsync();
            await page.ScreenshotAsync(browser, "quality");

            // The job page's timeline names a dismissed event as such.
            var dismissedId = verdicts.First(v => v.Value == "dismissed").Key;
            var dismissedJob = events.First(e => e.GetProperty("id").GetString() == dismissedId).GetProperty("jobId").GetGuid();
            await page.OpenAsync($"/jobs/{dismissedJob}");
            await page.Locator(".timeline .mark.dismissed[aria-label*='dismissed as Not a hazard']").First.WaitForAsync();
        }
        catch
        {
            await page.ScreenshotAsync(browser, "review-failure");
            output.WriteLine(fixture.Logs.Tail(60));
            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
            await watcher.Context.CloseAsync();
        }
    }

    private static IEnumerable<JsonElement> Breakdown(JsonElement score) => score.GetProperty("breakdown").EnumerateArray();

    private async Task<(string Email, string Password)> CreateAsync(string role, Guid fleetId)
    {
        var email = $"{role}-{Guid.NewGuid():N}@tests.local";
        const string password = "Review-Passw0rd!x";
        using var created = await fixture.Api.PostAsJsonAsync("/api/users", new { email, displayName = $"{role} {email[..12]}", password, role, fleetId });
        created.EnsureSuccessStatusCode();
        return (email, password);
    }

    private static Task FocusedAsync(IPage page, string eventId) =>
        page.WaitForFunctionAsync("id => document.activeElement?.dataset.event === id", eventId);

    private static Task StateAsync(IPage page, string eventId, string state) =>
        page.Locator($"tr[data-event='{eventId}'][data-state='{state}']").WaitForAsync();
}
