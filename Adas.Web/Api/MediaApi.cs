using Adas.Web.Session;

namespace Adas.Web.Api;

/// <summary>
/// The API client for long transfers (uploads, video streaming): its own timeouts and no retries (a streamed body
/// cannot be sent twice). Otherwise like <see cref="AdasApi"/>.
/// </summary>
public sealed class MediaApi(HttpClient http, CurrentUser currentUser, AccessTokens tokens)
{
    public AdasApi AsUser => new(http, currentUser, tokens);
}
