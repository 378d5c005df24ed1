using System.Security.Claims;

namespace Adas.Web.Session;

/// <summary>
/// The session's access token, refreshed shortly before it expires (under the session's lock, so concurrent
/// requests of one browser never present the same refresh token twice). A refused refresh ends the session.
/// </summary>
public sealed class AccessTokens(SessionStore sessions, AuthApi auth, TimeProvider clock)
{
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromSeconds(60);

    public async Task<string?> ForAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (sessions.Find(SessionClaims.SessionIdOf(user)) is not { } session) return null;
        if (!NeedsRefresh(session)) return session.Tokens.AccessToken;
        await session.RefreshLock.WaitAsync(ct);
        try
        {
            if (!NeedsRefresh(session)) return session.Tokens.AccessToken;
            if (await auth.RefreshAsync(session.Tokens.RefreshToken, session.Browser, ct) is not { } fresh)
            {
                sessions.Remove(session.Id);
                return null;
            }
            session.Tokens = fresh;
            return fresh.AccessToken;
        }
        finally
        {
            session.RefreshLock.Release();
        }
    }

    private bool NeedsRefresh(UserSession session) =>
        session.Tokens.ExpiresAt.ToUniversalTime() - clock.GetUtcNow().UtcDateTime < RefreshMargin;
}
