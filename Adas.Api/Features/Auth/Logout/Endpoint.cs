using System.Text.Json;
using Adas.Api.Security;
using Adas.Data;
using Adas.Data.Entities;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;

namespace Adas.Api.Features.Auth.Logout;

/// <summary>
/// Revokes the given refresh token's family (the refresh token alone proves the session: an access token that expired
/// while the user was idle must not keep the session alive), or, for a signed-in caller without a body, all of their
/// refresh tokens (the body is optional, so it is read and validated here rather than bound).
/// </summary>
public sealed class Endpoint(AdasDbContext db, TimeProvider clock) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Post("/auth/logout");
        AllowAnonymous();
        Options(b => b.RequireRateLimiting(LoginRateLimitOptions.RefreshPolicyName));
        Summary(s =>
        {
            s.Summary = "End the session (refresh tokens are revoked; access tokens expire on their own)";
            s.Description = "JSON body {\"refreshToken\": \"...\"} ends that session (no access token needed); without a body a signed-in caller's sessions all end.";
            s.Responses[401] = "No refresh token and no valid access token.";
        });
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var req = HttpContext.Request.HasJsonContentType() && HttpContext.Request.ContentLength != 0
            ? await HttpContext.Request.ReadFromJsonAsync<Request>(SerializerOptions, ct) ?? new Request()
            : new Request();
        var validation = await new Validator().ValidateAsync(req, ct);
        foreach (var failure in validation.Errors) ValidationFailures.Add(failure);
        ThrowIfAnyErrors();

        var now = clock.GetUtcNow().UtcDateTime;
        IQueryable<RefreshToken> tokens;
        if (req.RefreshToken is { Length: > 0 } given)
        {
            var hash = TokenService.Hash(given.Trim());
            var family = await db.RefreshTokens.Where(t => t.TokenHash == hash).Select(t => (Guid?)t.FamilyId).FirstOrDefaultAsync(ct);
            tokens = db.RefreshTokens.Where(t => t.FamilyId == family);
        }
        else if (User.Identity?.IsAuthenticated == true)
        {
            var user = CurrentUser.From(User);
            tokens = db.RefreshTokens.Where(t => t.UserId == user.Id);
        }
        else
        {
            await Send.ResultAsync(TypedResults.Problem(title: "Unauthorized",
                detail: "Give the session's refresh token, or sign in to end all of your sessions.", statusCode: StatusCodes.Status401Unauthorized));
            return;
        }
        await tokens.Where(t => t.RevokedAt == null).ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now).SetProperty(t => t.RevokedReason, "logout"), ct);
        await Send.NoContentAsync(ct);
    }

    private static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web);
}
