using System.Net.Http.Json;
using System.Text.Json;
using Adas.Tests.Infrastructure;
using Adas.Tests.Jobs;
using Microsoft.Playwright;

namespace Adas.Tests.Web;

/// <summary>
/// A fleet manager's way through the dashboard in Debian's chromium, against the whole graph: sign in, upload real
/// dashcam footage, watch it finish live, play and seek the annotated video, the inbox's clip and CSV export, an alert.
/// </summary>
// The graph collection: the same AppHost as the job tests, and never beside another AppHost.
[Collection(GraphCollection.Name)]
public sealed class DashboardJourneyTests(GraphFixture fixture, BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_manager_uploads_footage_watches_it_finish_live_plays_seeks_reviews_the_inbox_and_acknowledges_an_alert()
    {
        await fixture.Graph.WaitUntilWebReadyAsync();
        var clip = await WebClips.UniqueNearMissAsync(fixture.WorkDirectory);
        var page = await browser.NewPageAsync(fixture.Graph.WebUrl);
        try
        {
            // Signed out, a page sends the browser to the sign-in form.
            await page.GotoAsync("/jobs");
            Assert.Contains("/login", page.Url);
            await page.SignInAsync(GraphLauncher.AdminEmail, GraphLauncher.AdminPassword);
            Assert.Equal(0, await page.EvaluateAsync<int>("() => localStorage.length + sessionStorage.length"));
            var cookie = Assert.Single(await page.Context.CookiesAsync(), c => c.Name == "adas_session");
            Assert.True(cookie.HttpOnly);
            Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);

            // Upload: the file's byte progress reaches its size; the job's row then moves to completed with no reload.
            await page.SetInputFilesAsync("#upload-files", clip);
            await page.ClickAsync("button:text-is('Upload')");
            var fileName = Path.GetFileName(clip);
            await page.WaitForSelectorAsync($"ul.uploads li:has-text('{fileName}') a:text-is('queued')");
            var size = new FileInfo(clip).Length;
            Assert.Equal(size, await page.EvalOnSelectorAsync<long>($"ul.uploads li:has-text('{fileName}') progress", "p => p.value"));
            var row = page.Locator($"tr[data-job]:has-text('{fileName}')");
            var jobId = Guid.Parse((await row.GetAttributeAsync("data-job"))!);
            var seen = new List<string>();
            var deadline = DateTime.UtcNow + Dashboard.JobTimeout;
            while (DateTime.UtcNow < deadline)
            {
                var status = await row.Locator("td.status").GetAttributeAsync("data-status") ?? "";
                if (seen.LastOrDefault() != status) seen.Add(status);
                if (status is "completed" or "failed") break;
                await page.WaitForTimeoutAsync(100);
            }
            output.WriteLine($"statuses seen live: {string.Join(" -> ", seen)}");
            Assert.Equal("completed", seen.Last());
            Assert.Contains(seen, s => s is "queued" or "processing");
            Assert.Equal("100", await row.Locator("progress").GetAttributeAsync("value"));
            // The job's new alert pops up as a toast on the page that is open.
            await page.Locator($".toasts .toast:has(a[href='jobs/{jobId}'])").First.WaitForAsync();
            await page.ScreenshotAsync(browser, "jobs");

            // The annotated video plays (through the web app's authorizing pass-through) and a timeline mark seeks it.
            await row.Locator("a").ClickAsync();
            await page.WaitForPathAsync($"/jobs/{jobId}");
            await page.WaitForSelectorAsync("#player");
            await page.PlayUntilAsync("#player", 0.5);
            await page.EvalOnSelectorAsync("#player", "v => v.pause()");
            var mark = page.Locator(".timeline .mark").Last;
            var start = double.Parse((await mark.GetAttributeAsync("data-start"))!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(start > 1, $"the near miss is late in the clip (mark at {start} s)");
            await mark.ClickAsync();
            await page.WaitForFunctionAsync("start => Math.abs(document.querySelector('#player').currentTime - start) < 0.15", start);
            await page.ScreenshotAsync(browser, "job");

            // The inbox: the job's warning has a snapshot and a clip that plays; the export holds the filtered events.
            var events = await fixture.Api.GetFromJsonAsync<JsonElement>($"/api/jobs/{jobId}/events?pageSize=100");
            var warning = events.GetProperty("items").EnumerateArray().First(e => e.GetProperty("severity").GetString() is "warning" or "critical");
            var severity = warning.GetProperty("severity").GetString()!;
            var eventId = warning.GetProperty("id").GetGuid();
            await page.OpenAsync("/events");
            await page.SelectOptionAsync("#f-severity", severity);
            await page.ClickAsync("button:text-is('Apply')");
            // Blazor applies the filter by enhanced navigation (history.pushState): poll the address rather than wait
            // for a navigation event that may already have passed.
            await page.WaitForFunctionAsync("query => location.search === query", $"?severity={severity}");
            var eventRow = page.Locator($"tr[data-event='{eventId}']");
            await eventRow.WaitForAsync();
            Assert.True(await eventRow.Locator("img").EvaluateAsync<bool>("i => i.complete && i.naturalWidth > 0"));
            await page.PlayUntilAsync($"tr[data-event='{eventId}'] video.clip", 0.3);
            await page.ScreenshotAsync(browser, "events");
            var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("a:text-is('Export CSV')"));
            var csvPath = Path.Combine(fixture.WorkDirectory, "events.csv");
            await download.SaveAsAsync(csvPath);
            var lines = await File.ReadAllLinesAsync(csvPath);
            Assert.StartsWith("id,", lines[0]);
            Assert.Contains(lines, l => l.StartsWith(eventId.ToString()));
            var severityColumn = Array.IndexOf(lines[0].Split(','), "severity");
            Assert.All(lines.Skip(1), l => Assert.Equal(severity, l.Split(',')[severityColumn]));

            // An alert of the job, acknowledged with a note that its history then shows.
            await page.OpenAsync("/alerts");
            var alertRow = page.Locator($"tr[data-alert]:has(a[href='jobs/{jobId}'])").First;
            await alertRow.WaitForAsync();
            await alertRow.Locator("input").FillAsync("Called the driver; scooter cut in.");
            await alertRow.Locator("button:text-is('Acknowledge')").ClickAsync();
            await alertRow.Locator("td.status:text-is('Acknowledged')").WaitForAsync();
            await alertRow.Locator("button:text-is('History')").ClickAsync();
            await alertRow.Locator("ol.history:has-text('Called the driver; scooter cut in.')").WaitForAsync();
            await page.ScreenshotAsync(browser, "alerts");
            output.WriteLine($"screenshots in {browser.ScreenshotDirectory}");
        }
        catch
        {
            await page.ScreenshotAsync(browser, "journey-failure");
            output.WriteLine($"failure screenshot in {browser.ScreenshotDirectory}; page {page.Url}");
            output.WriteLine(fixture.Logs.Tail(60));
            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
