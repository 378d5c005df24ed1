using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Adas.Data.Entities;
using Adas.Tests.Api.Infrastructure;

namespace Adas.Tests.Api.Auth;

[Collection(ApiCollection.Name)]
public sealed class LoginTests(ApiFactory api)
{
    [Fact]
    public async Task Login_returns_tokens_and_the_user_and_me_answers_with_the_access_token()
    {
        var fleet = await api.CreateFleetAsync();
        var user = await api.CreateUserAsync(UserRole.Manager, fleet.Id);

        var tokens = await api.LoginResponseAsync(user);

        Assert.False(string.IsNullOrEmpty(tokens["accessToken"]?.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(tokens["refreshToken"]?.GetValue<string>()));
        Assert.True(tokens["expiresAt"]!.GetValue<DateTime>() > DateTime.UtcNow);
        Assert.Equal("manager", tokens["user"]!["role"]!.GetValue<string>());
        using var client = api.ClientWithToken(tokens["accessToken"]!.GetValue<string>());
        var me = await client.GetFromJsonAsync<JsonObject>("/api/auth/me", ApiFactory.Json, TestContext.Current.CancellationToken);
        Assert.Equal(user.Email, me!["email"]!.GetValue<string>());
        Assert.Equal(fleet.Id, me["fleetId"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task Anonymous_calls_to_protected_endpoints_get_a_401_problem()
    {
        using var client = api.CreateClient();
        var response = await client.GetAsync("/api/auth/me", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task A_denied_function_is_a_403_problem()
    {
        var (_, viewer) = await api.SignInAsync(UserRole.Viewer);
        var response = await viewer.PostAsJsonAsync("/api/fleets", new { name = "nope" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Wrong_password_is_401_and_an_invalid_body_is_a_400_naming_the_fields()
    {
        var user = await api.CreateUserAsync(UserRole.Viewer);
        using var client = api.CreateClient();
        var ct = TestContext.Current.CancellationToken;

        var wrong = await client.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = "nope-nope-nope" }, ct);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal("application/problem+json", wrong.Content.Headers.ContentType?.MediaType);

        var invalid = await client.PostAsJsonAsync("/api/auth/login", new { email = "not-an-email", password = "" }, ct);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var body = await invalid.Content.ReadAsStringAsync(ct);
        Assert.Contains("email", body, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("password", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_sixth_rapid_wrong_password_for_one_account_gets_429_with_retry_after()
    {
        var user = await api.CreateUserAsync(UserRole.Driver);
        using var client = api.CreateClient();
        var ct = TestContext.Current.CancellationToken;
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var response = await client.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = $"wrong-{attempt}-password" }, ct);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        var sixth = await client.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = "wrong-6-password" }, ct);

        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.StatusCode);
        Assert.True(sixth.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After is missing");
        var correct = await client.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = user.Password }, ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, correct.StatusCode);
    }
}
