using System.Text.Json;
using Adas.Api.Security;
using Adas.Data;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;

namespace Adas.Api.Features.Auth.Logout;

/// <summary>
/// Revokes the given refresh token's family, or all of the caller's refresh tokens when the body is empty
/// (the body is optional, so it is read and validated here rather than bound).
/// </summary>
public sealed class Endpoint(AdasDbContext db, TimeProvider clock) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Post("/auth/logout");
        Summary(s =>
        {
            s.Summary = "End the session (refresh tokens are revoked; access tokens expire on their own)";
            s.Description = "Optional JSON body {\"refreshToken\": \"...\"} ends that session only; without a body every session of the caller ends.";
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

        var user = CurrentUser.From(User);
        var now = clock.GetUtcNow().UtcDateTime;
        var tokens = db.RefreshTokens.Where(t => t.UserId == user.Id && t.RevokedAt == null);
        if (req.RefreshToken is { Length: > 0 } given)
        {
            var hash = TokenService.Hash(given.Trim());
            var family = await db.RefreshTokens.Where(t => t.TokenHash == hash && t.UserId == user.Id)
                .Select(t => (Guid?)t.FamilyId).FirstOrDefaultAsync(ct);
            tokens = tokens.Where(t => t.FamilyId == family);
        }
        await tokens.ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now).SetProperty(t => t.RevokedReason, "logout"), ct);
        await Send.NoContentAsync(ct);
    }

    private static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web);
}
