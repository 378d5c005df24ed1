using Adas.Api.Extensions;
using Adas.Api.Security;
using Adas.Data;
using Adas.Data.Security;
using Adas.Data.Entities;
using FastEndpoints;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Adas.Api.Features.Auth.Login;

/// <summary>Exchanges email and password for an access token and a refresh token (a new token family).</summary>
public sealed class Endpoint(AdasDbContext db, SessionIssuer sessions, LoginThrottle throttle,
    LoginRateLimitOptions limits, TimeProvider clock)
    : Endpoint<Request, TokenResponse>
{
    public override void Configure()
    {
        Post("/auth/login");
        AllowAnonymous();
        Options(b => b.RequireRateLimiting(LoginRateLimitOptions.PolicyName));
        Summary(s =>
        {
            s.Summary = "Log in with email and password";
            s.Responses[401] = "Wrong email or password, or the account is deactivated.";
            s.Responses[429] = "Too many attempts (Retry-After).";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var email = req.Email.Trim().ToLowerInvariant();
        var client = HttpContext.Connection.RemoteIpAddress;
        var (attempt, wait) = throttle.TryBegin(email, client);
        if (attempt is null)
        {
            await SecurityExtensions.WriteTooManyRequestsAsync(HttpContext, wait, "Too many failed logins for this account.", ct);
            return;
        }

        var user = await db.Users.FirstOrDefaultAsync(u => u.Email == email, ct);
        var result = Passwords.Verify(user, req.Password);
        if (user is null || !user.IsActive || result == PasswordVerificationResult.Failed)
        {
            if (attempt.UnderAttack) await Task.Delay(TimeSpan.FromMilliseconds(limits.FailureDelayUnderAttackMs), clock, ct);
            await Send.ResultAsync(TypedResults.Problem(title: "Invalid credentials", detail: "Invalid email or password.",
                statusCode: StatusCodes.Status401Unauthorized));
            return;
        }
        attempt.Succeeded();

        if (result == PasswordVerificationResult.SuccessRehashNeeded) user.PasswordHash = Passwords.Hash(user, req.Password);
        user.LastLoginAt = clock.GetUtcNow().UtcDateTime;
        var session = await sessions.IssueAsync(user, Guid.CreateVersion7(), client?.ToString(), ct);
        await Send.OkAsync(session, ct);
    }
}
