using System.Security.Claims;
using Adas.Web.Api;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Adas.Web.Session;

/// <summary>What the auth cookie says about its user: the session id, user id, name, email and role.</summary>
public static class SessionClaims
{
    public const string SessionId = "adas:sid";

    public static ClaimsPrincipal Principal(UserSession session)
    {
        var user = session.Tokens.User;
        return new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(SessionId, session.Id),
            new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()),
            new Claim(ClaimTypes.Name, user.DisplayName),
            new Claim(ClaimTypes.Email, user.Email),
            new Claim(ClaimTypes.Role, user.Role),
        ], CookieAuthenticationDefaults.AuthenticationScheme));
    }

    public static string? SessionIdOf(ClaimsPrincipal user) => user.FindFirst(SessionId)?.Value;

    public static Guid? UserIdOf(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirst(ClaimTypes.NameIdentifier)?.Value, out var id) ? id : null;
}
