using Adas.Api.Security;
using Adas.Data;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;

namespace Adas.Api.Features.Auth.Refresh;

/// <summary>
/// Rotates a refresh token: the presented one is spent and a new one of the same family is returned. Presenting a
/// spent or revoked token again means it leaked, so the whole family is revoked.
/// </summary>
public sealed class Endpoint(AdasDbContext db, SessionIssuer sessions, TimeProvider clock) : Endpoint<Request, TokenResponse>
{
    public override void Configure()
    {
        Post("/auth/refresh");
        AllowAnonymous();
        Options(b => b.RequireRateLimiting(LoginRateLimitOptions.RefreshPolicyName));
        Summary(s =>
        {
            s.Summary = "Exchange a refresh token for new tokens (rotation with reuse detection)";
            s.Responses[401] = "The refresh token is unknown, expired, revoked or reused.";
            s.Responses[429] = "Too many attempts (Retry-After).";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var hash = TokenService.Hash(req.RefreshToken.Trim());
        var token = await db.RefreshTokens.AsNoTracking().Include(t => t.User).FirstOrDefaultAsync(t => t.TokenHash == hash, ct);
        if (token?.User is null) { await RejectAsync("The refresh token is not valid."); return; }

        var spent = token.UsedAt is null && token.RevokedAt is null && await db.RefreshTokens
            .Where(t => t.Id == token.Id && t.UsedAt == null && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), ct) == 1;
        if (!spent)
        {
            await db.RefreshTokens.Where(t => t.FamilyId == token.FamilyId && t.RevokedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now).SetProperty(t => t.RevokedReason, "reuse detected"), ct);
            await RejectAsync("The refresh token was already used; every session of its family is revoked.");
            return;
        }
        if (token.ExpiresAt <= now || !token.User.IsActive) { await RejectAsync("The refresh token has expired or its account is inactive."); return; }

        await Send.OkAsync(await sessions.IssueAsync(token.User, token.FamilyId, HttpContext.Connection.RemoteIpAddress?.ToString(), ct), ct);
    }

    private Task RejectAsync(string detail) => Send.ResultAsync(TypedResults.Problem(title: "Invalid refresh token",
        detail: detail, statusCode: StatusCodes.Status401Unauthorized));
}
