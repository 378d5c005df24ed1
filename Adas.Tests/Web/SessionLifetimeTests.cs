extern alias web;
using System.Net;
using System.Net.Http.Json;
using Adas.Data.Entities;
using Adas.Tests.Api.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using web::Adas.Web.Extensions;
using web::Adas.Web.Session;

namespace Adas.Tests.Web;

/// <summary>The web app's server-side sessions against the real (in-process) API: idle and absolute lifetimes, swept and revoked.</summary>
[Collection(ApiCollection.Name)]
public sealed class SessionLifetimeTests(ApiFactory api)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public async Task An_idle_session_ends_and_the_sweep_revokes_its_refresh_token()
    {
        var (sessions, clock, sweeper, http) = NewStore();
        using var _ = http;
        var auth = new AuthApi(http);
        var idle = sessions.Create(await auth.LoginAsync((await api.CreateUserAsync(UserRole.Driver)).Email, ApiFactory.DefaultPassword, null, Ct), null);
        var busy = sessions.Create(await auth.LoginAsync((await api.CreateUserAsync(UserRole.Driver)).Email, ApiFactory.DefaultPassword, null, Ct), null);

        for (var minutes = 0; minutes < 70; minutes += 10)
        {
            clock.Now += TimeSpan.FromMinutes(10);
            Assert.NotNull(sessions.Find(busy.Id));
        }
        Assert.Null(sessions.Find(idle.Id));
        await sweeper.SweepAsync(Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, await RefreshAsync(http, idle.Tokens.RefreshToken));
        Assert.Equal(HttpStatusCode.OK, await RefreshAsync(http, busy.Tokens.RefreshToken));
    }

    [Fact]
    public async Task A_session_in_constant_use_still_ends_at_its_absolute_lifetime()
    {
        var (sessions, clock, sweeper, http) = NewStore();
        using var _ = http;
        var auth = new AuthApi(http);
        var session = sessions.Create(await auth.LoginAsync((await api.CreateUserAsync(UserRole.Driver)).Email, ApiFactory.DefaultPassword, null, Ct), null);

        for (var hours = 0.0; hours < 12; hours += 0.5)
        {
            Assert.NotNull(sessions.Find(session.Id));
            clock.Now += TimeSpan.FromMinutes(30);
        }
        clock.Now += TimeSpan.FromMinutes(1);
        Assert.Null(sessions.Find(session.Id));
        await sweeper.SweepAsync(Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, await RefreshAsync(http, session.Tokens.RefreshToken));
    }

    [Fact]
    public async Task Sign_out_with_the_api_unreachable_does_not_throw()
    {
        using var dead = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:1") };
        var (sessions, _, _, http) = NewStore();
        using var __ = http;
        var session = sessions.Create(await new AuthApi(http).LoginAsync((await api.CreateUserAsync(UserRole.Viewer)).Email,
            ApiFactory.DefaultPassword, null, Ct), null);

        Assert.False(await new AuthApi(dead).TryLogoutAsync(session, NullLogger.Instance, Ct));
    }

    private (SessionStore Sessions, ManualClock Clock, SessionSweeper Sweeper, HttpClient Http) NewStore()
    {
        var clock = new ManualClock();
        var options = Options.Create(new WebOptions { SessionIdleTimeout = TimeSpan.FromHours(1), SessionLifetime = TimeSpan.FromHours(12) });
        var sessions = new SessionStore(options, clock);
        var http = api.CreateClient();
        var services = new ServiceCollection().AddScoped(_ => new AuthApi(api.CreateClient())).BuildServiceProvider();
        var sweeper = new SessionSweeper(sessions, services.GetRequiredService<IServiceScopeFactory>(), NullLogger<SessionSweeper>.Instance, clock);
        return (sessions, clock, sweeper, http);
    }

    private static async Task<HttpStatusCode> RefreshAsync(HttpClient http, string refreshToken)
    {
        using var response = await http.PostAsJsonAsync("/api/auth/refresh", new { refreshToken }, Ct);
        return response.StatusCode;
    }
}
