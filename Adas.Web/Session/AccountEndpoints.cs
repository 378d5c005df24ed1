using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Adas.Web.Session;

public static class AccountEndpoints
{
    /// <summary>
    /// Sign-out (the layout's form, with its antiforgery token): revokes the session's refresh token at the API, forgets
    /// the session and clears the cookie, whether or not the API could be reached.
    /// </summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/logout", async (HttpContext context, IAntiforgery antiforgery, SessionStore sessions, AuthApi auth,
            ILoggerFactory logs) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
                return Results.Problem(title: "Invalid form", detail: "The sign-out form's antiforgery token is missing or wrong.",
                    statusCode: StatusCodes.Status400BadRequest);
            if (sessions.Find(SessionClaims.SessionIdOf(context.User)) is { } session)
            {
                sessions.Remove(session.Id);
                await auth.TryLogoutAsync(session, logs.CreateLogger("Adas.Web.Account"), context.RequestAborted);
            }
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect("/login");
        });
        return app;
    }

    /// <summary>A cookie whose server-side session is gone (signed out, expired, refresh refused, web app restarted) signs nobody in.</summary>
    public static Task RejectWithoutSession(CookieValidatePrincipalContext context)
    {
        var sessions = context.HttpContext.RequestServices.GetRequiredService<SessionStore>();
        if (context.Principal is { } user && sessions.Find(SessionClaims.SessionIdOf(user)) is null) context.RejectPrincipal();
        return Task.CompletedTask;
    }
}
