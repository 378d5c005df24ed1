using Adas.Web.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Adas.Web.Session;

public static class AccountEndpoints
{
    /// <summary>Sign-out: revokes the session's refresh token at the API, forgets the session, clears the cookie.</summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/logout", async (HttpContext context, SessionStore sessions, AuthApi auth, ILoggerFactory logs) =>
        {
            if (sessions.Find(SessionClaims.SessionIdOf(context.User)) is { } session)
            {
                sessions.Remove(session.Id);
                try
                {
                    await auth.LogoutAsync(session.Tokens, session.Browser, context.RequestAborted);
                }
                catch (Exception ex) when (ex is ApiProblem or HttpRequestException)
                {
                    logs.CreateLogger("Adas.Web.Account").LogWarning(ex, "The API did not revoke the session's refresh token");
                }
            }
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect("/login");
        });
        return app;
    }

    /// <summary>A cookie whose server-side session is gone (signed out, refresh refused, web app restarted) signs nobody in.</summary>
    public static Task RejectWithoutSession(CookieValidatePrincipalContext context)
    {
        var sessions = context.HttpContext.RequestServices.GetRequiredService<SessionStore>();
        if (context.Principal is { } user && sessions.Find(SessionClaims.SessionIdOf(user)) is null) context.RejectPrincipal();
        return Task.CompletedTask;
    }
}
