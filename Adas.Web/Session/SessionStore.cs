using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using Adas.Web.Api;
using Adas.Web.Extensions;
using Microsoft.Extensions.Options;

namespace Adas.Web.Session;

/// <summary>
/// Server-side sessions keyed by an unguessable id (the only thing the auth cookie carries besides name and role). A
/// session idle longer than <see cref="WebOptions.SessionIdleTimeout"/> or older than <see cref="WebOptions.SessionLifetime"/>
/// is gone for every lookup; <see cref="SessionSweeper"/> removes it and revokes its refresh token at the API.
/// </summary>
public sealed class SessionStore(IOptions<WebOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, UserSession> _sessions = new();

    public UserSession Create(TokenResponse tokens, IPAddress? browser)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var session = new UserSession(Convert.ToHexString(RandomNumberGenerator.GetBytes(32)), tokens, browser, now);
        _sessions[session.Id] = session;
        return session;
    }

    /// <summary>The live session of the id, marked as used now; null when unknown or expired.</summary>
    public UserSession? Find(string? id)
    {
        if (id is null || !_sessions.TryGetValue(id, out var session)) return null;
        var now = clock.GetUtcNow().UtcDateTime;
        if (Expired(session, now)) return null;
        session.LastUsedAt = now;
        return session;
    }

    public void Remove(string id) => _sessions.TryRemove(id, out _);

    /// <summary>Removes the expired sessions and returns them (their refresh tokens still to be revoked).</summary>
    public IReadOnlyList<UserSession> TakeExpired()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var expired = new List<UserSession>();
        foreach (var (id, session) in _sessions)
            if (Expired(session, now) && _sessions.TryRemove(id, out _)) expired.Add(session);
        return expired;
    }

    private bool Expired(UserSession session, DateTime now) =>
        now - session.LastUsedAt > options.Value.SessionIdleTimeout || now - session.CreatedAt > options.Value.SessionLifetime;
}
