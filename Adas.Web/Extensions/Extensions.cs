using Adas.ServiceDefaults;
using Adas.Web.Api;
using Adas.Web.Components;
using Adas.Web.Live;
using Adas.Web.Media;
using Adas.Web.Session;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Adas.Web.Extensions;

public static class Extensions
{
    public static void AddWebServices(this WebApplicationBuilder builder)
    {
        // Runs from the build output too (not only published): the framework's and the app's static files.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddValidatedOptions<WebOptions>(WebOptions.Section);

        var development = builder.Environment.IsDevelopment();
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                // Behind a TLS proxy the request the app sees may be plain http: outside Development the cookie is Secure
                // regardless, and __Host- binds it to this host and path / (no Domain attribute can widen it).
                options.Cookie.Name = development ? "adas_session" : "__Host-adas_session";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
                options.Cookie.Path = "/";
                options.LoginPath = "/login";
                options.AccessDeniedPath = "/forbidden";
                options.ExpireTimeSpan = TimeSpan.FromHours(12);
                options.SlidingExpiration = true;
                options.Events.OnValidatePrincipal = AccountEndpoints.RejectWithoutSession;
            });
        builder.Services.AddAuthorization();

        builder.Services.AddSingleton<SessionStore>();
        builder.Services.AddSingleton<SignInThrottle>();
        builder.Services.AddHostedService<SessionSweeper>();
        builder.Services.AddScoped<CurrentUser>();
        builder.Services.AddScoped<AccessTokens>();
        builder.Services.AddScoped<LiveFeed>();
        builder.Services.AddScoped<CircuitHandler, LiveCircuitHandler>();
        builder.AddApiClients();
    }

    private static void AddApiClients(this WebApplicationBuilder builder)
    {
        var apiBase = new Uri($"https+http://{ResourceNames.Api}");
        builder.Services.AddHttpClient<AuthApi>(http => http.BaseAddress = apiBase);
        builder.Services.AddHttpClient<AdasApi>(http => http.BaseAddress = apiBase);
        var transfer = builder.AddStartupOptions<WebOptions>(WebOptions.Section).TransferTimeout;
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers: the defaults' handler (10 s attempts, retries) is replaced, not stacked
        builder.Services.AddHttpClient<MediaApi>(http =>
            {
                http.BaseAddress = apiBase;
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            .RemoveAllResilienceHandlers()
            .AddStandardResilienceHandler(options =>
            {
                // A 2 GiB upload or a long video stream must not be cut at the default 10 s / 30 s, nor sent twice.
                options.AttemptTimeout.Timeout = transfer;
                options.TotalRequestTimeout.Timeout = transfer;
                options.CircuitBreaker.SamplingDuration = transfer * 2;
                options.Retry.ShouldHandle = _ => ValueTask.FromResult(false);
            });
#pragma warning restore EXTEXP0001
    }

    public static void UseWebPipeline(this WebApplication app)
    {
        app.UseConfiguredForwardedHeaders(app.Configuration);
        app.UseSecurityHeaders();
        // Videos, snapshots and CSV exports are a user's evidence: no browser or shared cache keeps a copy.
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/media"), media => media.Use((context, next) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            return next(context);
        }));
        app.UseExceptionHandler("/error", createScopeForErrors: true);
        app.UseStatusCodePagesWithReExecute("/not-found");
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapAccountEndpoints();
        app.MapMediaProxy();
        // The security headers already forbid all framing (frame-ancestors 'none'); Blazor's own 'self' header would only repeat it weaker.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(options => options.ContentSecurityFrameAncestorsPolicy = null);
    }
}
