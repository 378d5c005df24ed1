extern alias api;

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Adas.Data.Entities;
using Adas.Tests.Api.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Adas.Tests.Api;

/// <summary>What a Production deployment exposes: no anonymous API docs or environment name, security headers, host filtering.</summary>
[Collection(ApiCollection.Name)]
public sealed class ProductionDefaultsTests(ApiFactory api)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task In_production_the_openapi_document_and_docs_page_are_off_by_default()
    {
        await using var production = api.WithWebHostBuilder(b => b.UseEnvironment("Production"));
        using var client = production.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/openapi/v1.json", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/docs", Ct)).StatusCode);
    }

    [Fact]
    public async Task In_production_metrics_are_served_only_when_switched_on()
    {
        await using var production = api.WithWebHostBuilder(b => b.UseEnvironment("Production"));
        await using var switchedOn = api.WithWebHostBuilder(b => b.UseEnvironment("Production").UseSetting("Metrics:Prometheus", "true"));

        Assert.Equal(HttpStatusCode.NotFound, (await production.CreateClient().GetAsync("/metrics", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await switchedOn.CreateClient().GetAsync("/metrics", Ct)).StatusCode);
    }

    [Fact]
    public async Task Docs_can_be_opened_to_admins_only()
    {
        await using var production = api.WithWebHostBuilder(b => b.UseEnvironment("Production").UseSetting("ApiDocs:Access", "admin"));
        using var anonymous = production.CreateClient();
        var viewer = await api.CreateUserAsync(UserRole.Viewer);
        var admin = await api.CreateUserAsync(UserRole.Admin);

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/openapi/v1.json", Ct)).StatusCode);
        using var viewerClient = await ClientFor(production, viewer);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewerClient.GetAsync("/openapi/v1.json", Ct)).StatusCode);
        using var adminClient = await ClientFor(production, admin);
        Assert.Equal(HttpStatusCode.OK, (await adminClient.GetAsync("/openapi/v1.json", Ct)).StatusCode);
    }

    [Fact]
    public async Task System_info_names_the_environment_only_to_signed_in_callers()
    {
        using var anonymous = api.CreateClient();
        var info = await anonymous.GetFromJsonAsync<JsonObject>("/api/system/info", ApiFactory.Json, Ct);
        Assert.Equal("adas-api", info!["name"]!.GetValue<string>());
        Assert.Null(info["environment"]);

        var (_, viewer) = await api.SignInAsync(UserRole.Viewer);
        var signedIn = await viewer.GetFromJsonAsync<JsonObject>("/api/system/info", ApiFactory.Json, Ct);
        Assert.Equal("Development", signedIn!["environment"]!.GetValue<string>());
    }

    [Fact]
    public async Task Responses_carry_security_headers_and_hsts_over_https_in_production()
    {
        await using var production = api.WithWebHostBuilder(b => b.UseEnvironment("Production"));
        using var client = production.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://api.example.com") });

        using var response = await client.GetAsync("/api/system/info", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Contains("frame-ancestors 'none'", Header(response, "Content-Security-Policy"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.StartsWith("max-age=", Header(response, "Strict-Transport-Security"));
        using var problem = await client.GetAsync("/api/auth/me", Ct);
        Assert.Equal("nosniff", Header(problem, "X-Content-Type-Options"));
    }

    [Fact]
    public async Task Allowed_hosts_are_configurable()
    {
        await using var restricted = api.WithWebHostBuilder(b => b.UseSetting("AllowedHosts", "api.example.com"));
        using var wrongHost = restricted.CreateClient();
        using var rightHost = restricted.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://api.example.com") });

        Assert.Equal(HttpStatusCode.BadRequest, (await wrongHost.GetAsync("/api/system/info", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await rightHost.GetAsync("/api/system/info", Ct)).StatusCode);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values)
        : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(",", content) : "";

    private static async Task<HttpClient> ClientFor(WebApplicationFactory<api::Program> factory, TestUser user)
    {
        using var anonymous = factory.CreateClient();
        var login = await anonymous.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = user.Password }, Ct);
        var token = (await login.Content.ReadFromJsonAsync<JsonObject>(ApiFactory.Json, Ct))!["accessToken"]!.GetValue<string>();
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
