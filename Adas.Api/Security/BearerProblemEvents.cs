using Adas.Data;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Adas.Api.Security;

/// <summary>
/// Rejects tokens of accounts deactivated or changed since they were issued, and answers 401 and 403 as RFC 9457 problem details (with the usual WWW-Authenticate header), whatever the order of the
/// status-code-pages middleware. WebSocket requests, which cannot send headers, may pass the token as ?access_token=.
/// </summary>
public static class BearerProblemEvents
{
    public static JwtBearerEvents Create() => new()
    {
        OnMessageReceived = context =>
        {
            if (context.HttpContext.WebSockets.IsWebSocketRequest && context.Request.Query["access_token"] is [{ Length: > 0 } token])
                context.Token = token;
            return Task.CompletedTask;
        },
        OnTokenValidated = async context =>
        {
            var services = context.HttpContext.RequestServices;
            if (CurrentUser.TryFrom(context.Principal) is not { } user
                || !await services.GetRequiredService<AccountStatus>().StillMatchesAsync(user,
                    services.GetRequiredService<AdasDbContext>(), context.HttpContext.RequestAborted))
                context.Fail("The account is inactive or its role or fleet changed; log in again.");
        },
        OnChallenge = async context =>
        {
            context.HandleResponse();
            var header = context.Error is { Length: > 0 } error ? $"Bearer error=\"{error}\"" : "Bearer";
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = header;
            await WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized, "Unauthorized",
                context.AuthenticateFailure is null ? "A bearer access token is required." : "The access token is not valid.");
        },
        OnForbidden = context => WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden, "Forbidden",
            "Your role does not allow this operation."),
    };

    private static async Task WriteAsync(HttpContext http, int status, string title, string detail)
    {
        http.Response.StatusCode = status;
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
