extern alias web;
using Adas.Data.Entities;
using Adas.Tests.Api.Infrastructure;
using Microsoft.Extensions.Options;
using web::Adas.Web.Extensions;
using web::Adas.Web.Session;

namespace Adas.Tests.Web;

/// <summary>The web app's token handling against the real (in-process) API: one refresh per session, however many requests wait.</summary>
[Collection(ApiCollection.Name)]
public sealed class AccessTokensTests(ApiFactory api)
{
    [Fact]
    public async Task Concurrent_requests_of_a_session_near_expiry_refresh_once_and_all_get_the_new_working_token()
    {
        var user = await api.CreateUserAsync(UserRole.Driver);
        using var http = api.CreateClient();
        var auth = new AuthApi(http);
        var sessions = new SessionStore(Options.Create(new WebOptions()), TimeProvider.System);
        var session = sessions.Create(await auth.LoginAsync(user.Email, user.Password, null, TestContext.Current.CancellationToken), null);
        var old = session.Tokens;
        // Within the refresh margin: the next use refreshes. Without the session's lock, concurrent refreshes would
        // present the same refresh token twice, which the API treats as theft (the whole family is revoked).
        session.Tokens = old with { ExpiresAt = DateTime.UtcNow.AddSeconds(20) };
        var tokens = new AccessTokens(sessions, auth, TimeProvider.System);
        var principal = SessionClaims.Principal(session);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => tokens.ForAsync(principal, CancellationToken.None)));

        var fresh = Assert.Single(results.Distinct());
        Assert.NotNull(fresh);
        Assert.NotEqual(old.AccessToken, fresh);
        Assert.NotEqual(old.RefreshToken, session.Tokens.RefreshToken);
        using var client = api.ClientWithToken(fresh);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/api/auth/me", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(fresh, await tokens.ForAsync(principal, CancellationToken.None));
    }

    [Fact]
    public async Task A_session_whose_refresh_token_was_revoked_ends_at_its_next_refresh()
    {
        var user = await api.CreateUserAsync(UserRole.Driver);
        using var http = api.CreateClient();
        var auth = new AuthApi(http);
        var sessions = new SessionStore(Options.Create(new WebOptions()), TimeProvider.System);
        var session = sessions.Create(await auth.LoginAsync(user.Email, user.Password, null, TestContext.Current.CancellationToken), null);
        await auth.LogoutAsync(session.Tokens.RefreshToken, null, TestContext.Current.CancellationToken);
        session.Tokens = session.Tokens with { ExpiresAt = DateTime.UtcNow.AddSeconds(20) };

        Assert.Null(await new AccessTokens(sessions, auth, TimeProvider.System).ForAsync(SessionClaims.Principal(session), CancellationToken.None));
        Assert.Null(sessions.Find(session.Id));
    }
}
