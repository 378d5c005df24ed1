extern alias web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using web::Adas.Web.Api;
using web::Adas.Web.Extensions;
using web::Adas.Web.Session;

namespace Adas.Tests.Web;

/// <summary>
/// The web app's API clients, as the web app configures them, against a real HTTP server that answers 503 (which the
/// standard resilience handler treats as transient): a POST goes out once, a GET is still retried.
/// </summary>
public sealed class ApiClientRetryTests
{
    [Fact]
    public async Task A_refresh_or_login_the_api_answers_with_a_transient_error_is_sent_once()
    {
        var ct = TestContext.Current.CancellationToken;
        var requests = new List<string>();
        var server = WebApplication.CreateBuilder();
        server.WebHost.UseUrls("http://127.0.0.1:0");
        await using var api = server.Build();
        api.Run(context =>
        {
            lock (requests) requests.Add($"{context.Request.Method} {context.Request.Path}");
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Task.CompletedTask;
        });
        await api.StartAsync(ct);

        var builder = WebApplication.CreateBuilder();
        builder.Configuration["services:api:http:0"] = api.Urls.First();
        builder.AddServiceDefaults();
        builder.AddWebServices();
        await using var webApp = builder.Build();
        using var scope = webApp.Services.CreateScope();
        var auth = scope.ServiceProvider.GetRequiredService<AuthApi>();

        await Assert.ThrowsAsync<ApiProblem>(() => auth.RefreshAsync("some-refresh-token", null, ct));
        await Assert.ThrowsAsync<ApiProblem>(() => auth.LoginAsync("someone@tests.local", "a-password", null, ct));
        Assert.Equal(["POST /api/auth/refresh", "POST /api/auth/login"], requests);

        requests.Clear();
        using var sameClient = scope.ServiceProvider.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(AuthApi));
        using var answer = await sameClient.GetAsync("/api/auth/me", ct);
        Assert.True(requests.Count > 1, $"a GET is retried on 503 ({requests.Count} request)");
    }
}
