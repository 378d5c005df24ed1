using System.Net;
using Adas.Tests.Jobs;

namespace Adas.Tests.Web;

/// <summary>Sign-in and sign-out through the dashboard, as browsers from distinct addresses.</summary>
[Collection(GraphCollection.Name)]
public sealed class DashboardSignInTests(GraphFixture fixture)
{
    [Fact]
    public async Task A_browser_hammering_login_with_the_victims_email_does_not_keep_the_victim_out()
    {
        await fixture.Graph.WaitUntilWebReadyAsync();
        var (email, password) = await fixture.CreateUserAsync("manager", "Victim");
        using var attacker = new LoopbackBrowser(fixture.Graph.WebUrl, IPAddress.Parse("127.0.0.2"));
        using var victim = new LoopbackBrowser(fixture.Graph.WebUrl, IPAddress.Parse("127.0.0.3"));

        // More than the API's 5 wrong passwords per account and address, and more than its 20 attempts per address.
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 24; attempt++)
        {
            using var response = await attacker.SignInAsync(email, $"wrong-guess-{attempt}");
            statuses.Add(response.StatusCode);
        }
        Assert.False(attacker.HasSessionCookie);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);

        using var signedIn = await victim.SignInAsync(email, password);
        Assert.True(victim.HasSessionCookie, $"the victim was refused: {(int)signedIn.StatusCode} {await signedIn.Content.ReadAsStringAsync()}");
        using var jobs = await victim.GetAsync("/jobs");
        Assert.Equal(HttpStatusCode.OK, jobs.StatusCode);

        // The API counted each browser under its own address (it trusts X-Forwarded-For from the web host only).
        Assert.Equal(1, fixture.Count(
            $"SELECT COUNT(*) FROM refresh_tokens t JOIN users u ON u.Id = t.UserId WHERE u.Email = '{email}' AND t.CreatedByIp = '127.0.0.3'"));
    }

    [Fact]
    public async Task Sign_out_needs_the_forms_antiforgery_token()
    {
        await fixture.Graph.WaitUntilWebReadyAsync();
        var (email, password) = await fixture.CreateUserAsync("viewer", "Viewer V");
        using var browser = new LoopbackBrowser(fixture.Graph.WebUrl, IPAddress.Parse("127.0.0.4"));
        using (await browser.SignInAsync(email, password)) Assert.True(browser.HasSessionCookie);

        // A cross-site form (no token) does not sign the user out.
        using (var forged = await browser.PostAsync("/account/logout", new FormUrlEncodedContent([])))
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        using (var stillIn = await browser.GetAsync("/jobs")) Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);

        using (var signedOut = await browser.PostFormAsync("/jobs", "/account/logout"))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
            Assert.Equal("/login", signedOut.Headers.Location?.OriginalString);
        }
        using var after = await browser.GetAsync("/jobs");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }
}
