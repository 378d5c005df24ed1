using System.Net.Http.Json;
using System.Text.Json;
using Adas.Tests.Infrastructure;
using Adas.Tests.Jobs;

namespace Adas.Tests.Web;

/// <summary>axe-core finds no serious or critical violation on any page of the dashboard (screenshots of each for the docs).</summary>
[Collection(GraphCollection.Name)]
public sealed class AccessibilityTests(GraphFixture fixture, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Every_page_passes_axe_without_serious_or_critical_violations()
    {
        await fixture.Graph.WaitUntilWebReadyAsync();
        // Footage that may be shown in the docs: the dev set is evaluation-only, so the screenshots use the synthetic
        // approach of a real car photo (MIT-licensed sample stills), which gives forward collision warnings.
        var jobId = await fixture.Api.UploadJobAsync(await EventfulClip.RepeatedApproachAsync(fixture.WorkDirectory, 2));
        var job = await fixture.Api.WaitForFinalAsync(jobId, Dashboard.JobTimeout);
        Assert.Equal("completed", job.GetProperty("status").GetString());
        var (driverEmail, _) = await fixture.CreateUserAsync("driver", "Driver D");
        var driver = (await fixture.Api.GetFromJsonAsync<JsonElement>($"/api/users?search={Uri.EscapeDataString(driverEmail)}"))
            .GetProperty("items")[0].GetProperty("id").GetGuid();

        var page = await browser.NewPageAsync(fixture.Graph.WebUrl);
        try
        {
            await page.GotoAsync("/login");
            await page.AssertAccessibleAsync();
            await page.ScreenshotAsync(browser, "login");
            await page.SignInAsync(GraphLauncher.AdminEmail, GraphLauncher.AdminPassword);
            (string Path, string Name)[] pages =
            [
                ("/jobs", "jobs-list"), ($"/jobs/{jobId}", "job-detail"), ($"/events?jobId={jobId}", "inbox"), ("/alerts", "alerts-list"),
                ("/drivers", "drivers"), ($"/drivers/{driver}", "driver-score"), ("/trips", "trips"), ("/vehicles", "vehicles"),
                ("/users", "users"), ("/models", "models"),
            ];
            foreach (var (path, name) in pages)
            {
                await page.OpenAsync(path);
                await page.AssertAccessibleAsync();
                await page.ScreenshotAsync(browser, name);
            }
            await page.GotoAsync("/no-such-page");
            await page.Locator("h1:text-is('Not found')").WaitForAsync();
            await page.AssertAccessibleAsync();
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
