using System.Net;
using Adas.Web.Api;

namespace Adas.Web.Session;

/// <summary>One signed-in browser: the API tokens live here, on the web server, never in the browser.</summary>
public sealed class UserSession(string id, TokenResponse tokens, IPAddress? browser, DateTime createdAt)
{
    public string Id { get; } = id;
    /// <summary>The browser's address at sign-in, named to the API on refresh and sign-out (a Blazor circuit has no request).</summary>
    public IPAddress? Browser { get; } = browser;
    public TokenResponse Tokens { get; set; } = tokens;
    /// <summary>One refresh at a time per session: the API rotates refresh tokens and treats reuse as theft.</summary>
    public SemaphoreSlim RefreshLock { get; } = new(1, 1);
    public DateTime CreatedAt { get; } = createdAt;
    public DateTime LastUsedAt { get; set; } = createdAt;
}
