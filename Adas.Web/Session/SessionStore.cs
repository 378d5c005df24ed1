using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using Adas.Web.Api;

namespace Adas.Web.Session;

/// <summary>Server-side sessions keyed by an unguessable id (the only thing the auth cookie carries besides name and role).</summary>
public sealed class SessionStore
{
    private readonly ConcurrentDictionary<string, UserSession> _sessions = new();

    public UserSession Create(TokenResponse tokens, IPAddress? browser)
    {
        var session = new UserSession(Convert.ToHexString(RandomNumberGenerator.GetBytes(32)), tokens, browser);
        _sessions[session.Id] = session;
        return session;
    }

    public UserSession? Find(string? id) => id is not null && _sessions.TryGetValue(id, out var session) ? session : null;

    public void Remove(string id) => _sessions.TryRemove(id, out _);
}
