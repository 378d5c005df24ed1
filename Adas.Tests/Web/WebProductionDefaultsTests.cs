extern alias web;
using System.Net;
using Adas.Tests.Api.Infrastructure;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Adas.Tests.Web;

/// <summary>The web app in Production behind a TLS proxy: Secure __Host- cookies, HSTS, forwarded headers from the configured proxy only, security headers.</summary>
public sealed class WebProductionDefaultsTests : IAsyncLifetime
{
    private const string Proxy = "10.9.9.9";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly WebApplicationFactory<web::Program> _web = new WebApplicationFactory<web::Program>().WithWebHostBuilder(b => b
        .UseEnvironment("Production")
        .UseSetting("services:api:http:0", "http://127.0.0.1:1")
        .UseSetting("ForwardedHeaders:KnownProxies:0", Proxy)
        .ConfigureServices(services => services.AddSingleton<IStartupFilter, PeerAddressStartupFilter>()));

    [Fact]
    public void The_session_cookie_is_always_secure_and_host_bound()
    {
        var cookie = _web.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
            .Get(CookieAuthenticationDefaults.AuthenticationScheme).Cookie;
        Assert.Equal("__Host-adas_session", cookie.Name);
        Assert.Equal(CookieSecurePolicy.Always, cookie.SecurePolicy);
        Assert.Equal("/", cookie.Path);
        Assert.Null(cookie.Domain);
    }

    [Fact]
    public async Task Pages_carry_the_security_headers()
    {
        using var client = Client();
        using var response = await client.GetAsync("/login", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("frame-ancestors 'none'", Header(response, "Content-Security-Policy"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
    }

    [Fact]
    public async Task Hsts_follows_the_configured_proxys_forwarded_proto_and_ignores_anyone_elses()
    {
        using var client = Client();
        using var viaProxy = await GetAsync(client, "/login", peer: Proxy);
        using var viaStranger = await GetAsync(client, "/login", peer: "198.51.100.3");

        Assert.Contains("max-age=", Header(viaProxy, "Strict-Transport-Security"));
        Assert.False(viaStranger.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Media_responses_are_not_stored_by_any_cache()
    {
        using var client = Client();
        using var response = await client.GetAsync("/media/events/export", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    private HttpClient Client() => _web.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        BaseAddress = new Uri("http://dashboard.example"),
    });

    private static Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string peer)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add(ApiFactory.PeerHeader, peer);
        request.Headers.Add("X-Forwarded-Proto", "https");
        return client.SendAsync(request, Ct);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : "";

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _web.DisposeAsync();
}
