using System.Net.Http.Json;
using System.Text.Json;
using Adas.Tests.Infrastructure;
using Adas.Tests.Jobs;

namespace Adas.Tests.Web;

/// <summary>Who sees what in the dashboard, sign-out, and the API's problem message next to the field it concerns.</summary>
[Collection(GraphCollection.Name)]
public sealed class WebAccessTests(GraphFixture fixture, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_driver_sees_their_own_jobs_not_another_drivers_and_has_no_users_or_models_menu()
    {
        await fixture.Graph.WaitUntilWebReadyAsync();
        var (emailA, password) = await fixture.CreateUserAsync("driver", "Driver A");
        var (emailB, _) = await fixture.CreateUserAsync("driver", "Driver B");
        using var driverA = await fixture.LoginAsync(emailA, password);
        var jobOfA = await driverA.UploadJobAsync(await MediaFactory.UniqueTestClipAsync(fixture.WorkDirectory, "driver_a"));

        var page = await browser.NewPageAsync(fixture.Graph.WebUrl);
        try
        {
            await page.SignInAsync(emailA, password);
            await page.Locator($"tr[data-job='{jobOfA}']").WaitForAsync();
            await page.Context.CloseAsync();

            page = await browser.NewPageAsync(fixture.Graph.WebUrl);
            await page.SignInAsync(emailB, password);
            var nav = page.Locator("nav[aria-label='Main']");
            Assert.Equal(0, await nav.Locator("a:text-is('Users')").CountAsync());
            Assert.Equal(0, await nav.Locator("a:text-is('Models')").CountAsync());
            Assert.Equal(1, await nav.Locator("a:text-is('My score')").CountAsync());
            Assert.Equal(0, await page.Locator($"tr[data-job='{jobOfA}']").CountAsync());
            await page.OpenAsync($"/jobs/{jobOfA}");
            await page.Locator("h1:text-is('Job not found')").WaitForAsync();
            await page.GotoAsync("/users");
            await page.Locator("text=Your role does not give access to this page.").WaitForAsync();
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Signing_out_revokes_the_refresh_token_and_the_old_cookie_opens_nothing()
    {
        await fixture.Graph.WaitUntilWebReadyAsync();
        var (email, password) = await fixture.CreateUserAsync("manager", "Manager M");
        var page = await browser.NewPageAsync(fixture.Graph.WebUrl);
        try
        {
            await page.SignInAsync(email, password);
            var userId = await UserIdAsync(email);
            Assert.Equal(1, fixture.Count($"SELECT COUNT(*) FROM refresh_tokens WHERE UserId = '{userId.ToString().ToUpperInvariant()}' AND RevokedAt IS NULL")
                + fixture.Count($"SELECT COUNT(*) FROM refresh_tokens WHERE UserId = '{userId}' AND RevokedAt IS NULL"));
            var cookies = await page.Context.CookiesAsync();

            await page.ClickAsync("button:text-is('Sign out')");
            await page.WaitForPathAsync("/login");
            Assert.Equal(0, fixture.Count($"SELECT COUNT(*) FROM refresh_tokens WHERE (UserId = '{userId.ToString().ToUpperInvariant()}' OR UserId = '{userId}') AND RevokedAt IS NULL"));

            // The cookie of the ended session, replayed in a fresh browser, signs nobody in.
            var replay = await browser.NewPageAsync(fixture.Graph.WebUrl);
            await replay.Context.AddCookiesAsync(cookies.Select(c => new Microsoft.Playwright.Cookie
            {
                Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, HttpOnly = c.HttpOnly, SameSite = c.SameSite,
            }));
            await replay.GotoAsync("/jobs");
            Assert.Contains("/login", replay.Url);
            var media = await replay.APIRequest.GetAsync("/media/events/export", new() { MaxRedirects = 0 });
            Assert.Equal(302, media.Status);
            Assert.Contains("/login", media.Headers["location"]);
            await replay.Context.CloseAsync();
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task An_upload_the_api_refuses_shows_its_problem_message_next_to_the_file_field()
    {
        await fixture.Graph.WaitUntilWebReadyAsync();
        var notVideo = Path.Combine(fixture.WorkDirectory, $"notes_{Guid.NewGuid():N}.mp4");
        await File.WriteAllTextAsync(notVideo, "These are meeting notes, not a video. " + new string('x', 4096));
        using var refused = await fixture.Api.UploadAsync(notVideo);
        var detail = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;
        Assert.Equal(400, (int)refused.StatusCode);

        var page = await browser.NewPageAsync(fixture.Graph.WebUrl);
        try
        {
            await page.SignInAsync(GraphLauncher.AdminEmail, GraphLauncher.AdminPassword);
            await page.SetInputFilesAsync("#upload-files", notVideo);
            await page.ClickAsync("button:text-is('Upload')");
            var error = page.Locator("#upload-error");
            await error.WaitForAsync();
            Assert.Contains(detail, await error.InnerTextAsync());
            Assert.Equal("upload-error", await page.GetAttributeAsync("#upload-files", "aria-describedby"));
            await page.ScreenshotAsync(browser, "upload-problem");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    private async Task<Guid> UserIdAsync(string email)
    {
        var users = await fixture.Api.GetFromJsonAsync<JsonElement>($"/api/users?search={Uri.EscapeDataString(email)}");
        return users.GetProperty("items")[0].GetProperty("id").GetGuid();
    }
}
