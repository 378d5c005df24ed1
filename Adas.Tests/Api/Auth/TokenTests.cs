using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Adas.Data.Entities;
using Adas.Tests.Api.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Adas.Tests.Api.Auth;

[Collection(ApiCollection.Name)]
public sealed class TokenTests(ApiFactory api)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> RejectedTokens => ["alg_none", "wrong_key", "expired", "wrong_audience", "wrong_issuer",
        "tampered_claims", "hs512", "garbage"];

    [Theory]
    [MemberData(nameof(RejectedTokens))]
    public async Task A_forged_or_stale_access_token_is_401(string kind)
    {
        var user = await api.CreateUserAsync(UserRole.Viewer);
        var genuine = (await api.LoginResponseAsync(user))["accessToken"]!.GetValue<string>();
        var token = kind switch
        {
            "alg_none" => Unsigned(ClaimsFor(user, UserRole.Admin)),
            "wrong_key" => Sign(ClaimsFor(user), key: "another-key-that-is-long-enough-for-hs256-0123456789"),
            "expired" => Sign(ClaimsFor(user), expires: DateTime.UtcNow.AddMinutes(-5)),
            "wrong_audience" => Sign(ClaimsFor(user), audience: "someone-else"),
            "wrong_issuer" => Sign(ClaimsFor(user), issuer: "https://evil.example"),
            "tampered_claims" => Tamper(genuine),
            "hs512" => Sign(ClaimsFor(user), algorithm: SecurityAlgorithms.HmacSha512),
            _ => "not.a.jwt",
        };

        using var client = api.ClientWithToken(token);
        var response = await client.GetAsync("/api/auth/me", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_token_signed_like_the_api_is_accepted_so_the_rejections_above_are_meaningful()
    {
        var user = await api.CreateUserAsync(UserRole.Viewer);
        using var client = api.ClientWithToken(Sign(ClaimsFor(user)));
        var response = await client.GetAsync("/api/auth/me", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Refresh_rotates_the_token_and_the_old_one_no_longer_works()
    {
        var user = await api.CreateUserAsync(UserRole.Driver);
        var first = (await api.LoginResponseAsync(user))["refreshToken"]!.GetValue<string>();
        using var client = api.CreateClient();

        var rotated = await RefreshAsync(client, first);
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var body = (await rotated.Content.ReadFromJsonAsync<JsonObject>(ApiFactory.Json, Ct))!;
        var second = body["refreshToken"]!.GetValue<string>();
        Assert.NotEqual(first, second);
        using var authed = api.ClientWithToken(body["accessToken"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await authed.GetAsync("/api/auth/me", Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await RefreshAsync(client, second)).StatusCode);
    }

    [Fact]
    public async Task Reusing_a_spent_refresh_token_revokes_its_whole_family_including_the_newest_token()
    {
        var user = await api.CreateUserAsync(UserRole.Driver);
        var first = (await api.LoginResponseAsync(user))["refreshToken"]!.GetValue<string>();
        var otherSession = (await api.LoginResponseAsync(user))["refreshToken"]!.GetValue<string>();
        using var client = api.CreateClient();
        var second = await RefreshTokenOf(await RefreshAsync(client, first));
        var third = await RefreshTokenOf(await RefreshAsync(client, second));

        var replay = await RefreshAsync(client, first);

        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(client, third)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await RefreshAsync(client, otherSession)).StatusCode);
    }

    [Fact]
    public async Task Logout_revokes_the_refresh_token()
    {
        var user = await api.CreateUserAsync(UserRole.Manager);
        var tokens = await api.LoginResponseAsync(user);
        using var client = api.ClientWithToken(tokens["accessToken"]!.GetValue<string>());

        var logout = await client.PostAsJsonAsync("/api/auth/logout", new { refreshToken = tokens["refreshToken"]!.GetValue<string>() }, Ct);

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(client, tokens["refreshToken"]!.GetValue<string>())).StatusCode);
    }

    [Fact]
    public async Task Logout_without_a_body_revokes_every_session_of_the_caller()
    {
        var user = await api.CreateUserAsync(UserRole.Viewer);
        var first = await api.LoginResponseAsync(user);
        var second = await api.LoginResponseAsync(user);
        using var client = api.ClientWithToken(first["accessToken"]!.GetValue<string>());

        var logout = await client.PostAsync("/api/auth/logout", null, Ct);

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(client, first["refreshToken"]!.GetValue<string>())).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(client, second["refreshToken"]!.GetValue<string>())).StatusCode);
    }

    [Fact]
    public async Task A_deactivated_or_demoted_user_loses_access_at_once_even_with_an_unexpired_token()
    {
        var fleet = await api.CreateFleetAsync();
        var (_, admin) = await api.SignInAsync(UserRole.Admin);
        var (manager, managerClient) = await api.SignInAsync(UserRole.Manager, fleet.Id);
        var (driver, driverClient) = await api.SignInAsync(UserRole.Driver, fleet.Id);
        Assert.Equal(HttpStatusCode.OK, (await managerClient.GetAsync("/api/auth/me", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await driverClient.GetAsync("/api/auth/me", Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/users/{driver.Id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/users/{manager.Id}", new { role = "viewer" }, Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await driverClient.GetAsync("/api/auth/me", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await managerClient.GetAsync("/api/auth/me", Ct)).StatusCode);
        var login = await api.CreateClient().PostAsJsonAsync("/api/auth/login", new { email = driver.Email, password = driver.Password }, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
    }

    [Fact]
    public async Task The_refresh_token_alone_ends_its_session_even_with_an_expired_access_token()
    {
        var user = await api.CreateUserAsync(UserRole.Driver);
        var ended = (await api.LoginResponseAsync(user))["refreshToken"]!.GetValue<string>();
        var other = (await api.LoginResponseAsync(user))["refreshToken"]!.GetValue<string>();
        using var expired = api.ClientWithToken(Sign(ClaimsFor(user), expires: DateTime.UtcNow.AddMinutes(-20)));

        var logout = await expired.PostAsJsonAsync("/api/auth/logout", new { refreshToken = ended }, Ct);

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        using var anonymous = api.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(anonymous, ended)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await RefreshAsync(anonymous, other)).StatusCode);
        // Without a refresh token, only a signed-in caller may end (all of) their sessions.
        var nothing = await anonymous.PostAsync("/api/auth/logout", null, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, nothing.StatusCode);
        Assert.Equal("application/problem+json", nothing.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_unknown_refresh_token_is_401_and_an_empty_one_is_400()
    {
        using var client = api.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(client, "made-up-token")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await RefreshAsync(client, "")).StatusCode);
    }

    private static Task<HttpResponseMessage> RefreshAsync(HttpClient client, string token) =>
        client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = token }, Ct);

    private static async Task<string> RefreshTokenOf(HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>(ApiFactory.Json, Ct))!["refreshToken"]!.GetValue<string>();
    }

    private static Dictionary<string, object> ClaimsFor(TestUser user, UserRole? role = null) => new()
    {
        ["sub"] = user.Id.ToString(),
        ["email"] = user.Email,
        ["role"] = (role ?? user.Role).ToString().ToLowerInvariant(),
    };

    private static string Sign(Dictionary<string, object> claims, string key = ApiFactory.SigningKey, DateTime? expires = null,
        string audience = ApiFactory.Audience, string issuer = ApiFactory.Issuer, string algorithm = SecurityAlgorithms.HmacSha256)
    {
        var expiry = expires ?? DateTime.UtcNow.AddMinutes(10);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            Issuer = issuer,
            Audience = audience,
            IssuedAt = expiry.AddMinutes(-20),
            NotBefore = expiry.AddMinutes(-20),
            Expires = expiry,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), algorithm),
        });
    }

    private static string Unsigned(Dictionary<string, object> claims)
    {
        var payload = new JsonObject
        {
            ["iss"] = ApiFactory.Issuer, ["aud"] = ApiFactory.Audience,
            ["exp"] = DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeSeconds(),
        };
        foreach (var (name, value) in claims) payload[name] = value.ToString();
        return $"{Base64UrlEncoder.Encode("{\"alg\":\"none\",\"typ\":\"JWT\"}")}.{Base64UrlEncoder.Encode(payload.ToJsonString())}.";
    }

    /// <summary>The genuine token with its role claim changed to admin and the original signature kept.</summary>
    private static string Tamper(string token)
    {
        var parts = token.Split('.');
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!.AsObject();
        payload["role"] = "admin";
        return $"{parts[0]}.{Base64UrlEncoder.Encode(payload.ToJsonString())}.{parts[2]}";
    }

}
