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

    /// <summary>Revokes the refresh token's session at the API (the refresh token alone: the access token may have expired).</summary>
    public async Task LogoutAsync(string refreshToken, IPAddress? browser, CancellationToken ct)
    {
        using var request = Post("/api/auth/logout", new { refreshToken }, browser);
        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode) throw await ApiProblem.ReadAsync(response, ct);
    }

    /// <summary>
    /// <see cref="LogoutAsync"/> for a session being forgotten anyway: a failure (API down, timeout, refusal) is logged,
    /// never thrown, so the browser's cookie is still cleared.
    /// </summary>
    public async Task<bool> TryLogoutAsync(UserSession session, ILogger logger, CancellationToken ct)
    {
        try
        {
            await LogoutAsync(session.Tokens.RefreshToken, session.Browser, ct);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogWarning(ex, "The API did not revoke the refresh token of session {SessionId}", session.Id[..8]);
            return false;
        }
    }

    private static HttpRequestMessage Post<T>(string path, T body, IPAddress? browser)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, options: ApiJson.Options) };
        if (browser is not null) request.Headers.TryAddWithoutValidation("X-Forwarded-For", browser.ToString());
        return request;
    }
}
