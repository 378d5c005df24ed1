using System.Net;
using System.Net.Http.Json;
using Adas.Web.Api;

namespace Adas.Web.Session;

/// <summary>
/// The API's token endpoints: login, refresh (rotating) and logout. Each call names the browser's address in
/// X-Forwarded-For: the API trusts it from the web host only, so its per-address limits count browsers, not this server.
/// </summary>
public sealed class AuthApi(HttpClient http)
{
    public async Task<TokenResponse> LoginAsync(string email, string password, IPAddress? browser, CancellationToken ct)
    {
        using var request = Post("/api/auth/login", new { email, password }, browser);
        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode) throw await ApiProblem.ReadAsync(response, ct);
        return (await response.Content.ReadFromJsonAsync<TokenResponse>(ApiJson.Options, ct))!;
    }

    /// <summary>New tokens for the refresh token, or null when the API refuses it (revoked, expired, reused).</summary>
    public async Task<TokenResponse?> RefreshAsync(string refreshToken, IPAddress? browser, CancellationToken ct)
    {
        using var request = Post("/api/auth/refresh", new { refreshToken }, browser);
        using var response = await http.SendAsync(request, ct);
        if ((int)response.StatusCode is 400 or 401 or 403) return null;
        if (!response.IsSuccessStatusCode) throw await ApiProblem.ReadAsync(response, ct);
        return await response.Content.ReadFromJsonAsync<TokenResponse>(ApiJson.Options, ct);
    }

    /// <summary>Revokes the session's refresh token at the API.</summary>
    public async Task LogoutAsync(TokenResponse tokens, IPAddress? browser, CancellationToken ct)
    {
        using var request = Post("/api/auth/logout", new { refreshToken = tokens.RefreshToken }, browser);
        request.Headers.Authorization = new("Bearer", tokens.AccessToken);
        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode && (int)response.StatusCode != 401) throw await ApiProblem.ReadAsync(response, ct);
    }

    private static HttpRequestMessage Post<T>(string path, T body, IPAddress? browser)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, options: ApiJson.Options) };
        if (browser is not null) request.Headers.TryAddWithoutValidation("X-Forwarded-For", browser.ToString());
        return request;
    }
}
