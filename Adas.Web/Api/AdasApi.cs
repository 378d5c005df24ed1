using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Adas.Web.Session;

namespace Adas.Web.Api;

/// <summary>The API as the signed-in user: every call carries the session's (refreshed) access token.</summary>
public sealed class AdasApi(HttpClient http, CurrentUser currentUser, AccessTokens tokens)
{
    public async Task<T> GetAsync<T>(string path, CancellationToken ct = default)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, path), ct);
        return (await response.Content.ReadFromJsonAsync<T>(ApiJson.Options, ct))!;
    }

    /// <summary>Every item of a paged list at <paramref name="path"/> (no query string of its own).</summary>
    public Task<List<T>> GetAllAsync<T>(string path, CancellationToken ct = default) =>
        AllPages.ReadAsync(page => GetAsync<Paged<T>>(ApiQuery.Build(path, ("page", page), ("pageSize", AllPages.PageSize)), ct));

    public async Task<T> PostAsync<T>(string path, object body, CancellationToken ct = default)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, options: ApiJson.Options) }, ct);
        return (await response.Content.ReadFromJsonAsync<T>(ApiJson.Options, ct))!;
    }

    public async Task PostAsync(string path, object? body = null, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        if (body is not null) request.Content = JsonContent.Create(body, options: ApiJson.Options);
        using var response = await SendAsync(request, ct);
    }

    public async Task<T> PutAsync<T>(string path, object body, CancellationToken ct = default)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(body, options: ApiJson.Options) }, ct);
        return (await response.Content.ReadFromJsonAsync<T>(ApiJson.Options, ct))!;
    }

    /// <summary>Sends with the user's token; a non-success answer becomes an <see cref="ApiProblem"/>.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct,
        HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        using (request)
        {
            var token = await tokens.ForAsync(await currentUser.GetAsync(), ct)
                ?? throw new ApiProblem(HttpStatusCode.Unauthorized, "Your session has ended; sign in again.", new Dictionary<string, string>());
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var response = await http.SendAsync(request, completion, ct);
            if (response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.NotModified) return response;
            using (response) throw await ApiProblem.ReadAsync(response, ct);
        }
    }
}
