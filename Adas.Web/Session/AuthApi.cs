using System.Net.Http.Json;
using Adas.Web.Api;

namespace Adas.Web.Session;

/// <summary>The API's token endpoints: login, refresh (rotating) and logout.</summary>
public sealed class AuthApi(HttpClient http)
{
    public async Task<TokenResponse> LoginAsync(string email, string password, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync("/api/auth/login", new { email, password }, ApiJson.Options, ct);
        if (!response.IsSuccessStatusCode) throw await ApiProblem.ReadAsync(response, ct);
        return (await response.Content.ReadFromJsonAsync<TokenResponse>(ApiJson.Options, ct))!;
    }

    /// <summary>New tokens for the refresh token, or null when the API refuses it (revoked, expired, reused).</summary>
    public async Task<TokenResponse?> RefreshAsync(string refreshToken, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync("/api/auth/refresh", new { refreshToken }, ApiJson.Options, ct);
        if ((int)response.StatusCode is 400 or 401 or 403) return null;
        if (!response.IsSuccessStatusCode) throw await ApiProblem.ReadAsync(response, ct);
        return await response.Content.ReadFromJsonAsync<TokenResponse>(ApiJson.Options, ct);
    }

    /// <summary>Revokes the session's refresh token at the API.</summary>
    public async Task LogoutAsync(TokenResponse tokens, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/logout")
        {
            Content = JsonContent.Create(new { refreshToken = tokens.RefreshToken }, options: ApiJson.Options),
        };
        request.Headers.Authorization = new("Bearer", tokens.AccessToken);
        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode && (int)response.StatusCode != 401) throw await ApiProblem.ReadAsync(response, ct);
    }
}
