using Adas.Api.Security;
using Adas.Data;
using Adas.Data.Entities;
using FastEndpoints;
using Microsoft.AspNetCore.Identity;
using Adas.Api.Extensions;
using Adas.Data.Security;
using Microsoft.EntityFrameworkCore;

namespace Adas.Api.Features.Users.UpdateMe;

/// <summary>
/// Changes your own name or password. A password change needs the current password (throttled like login) and ends
/// every other session: their refresh tokens are revoked, this session's stays.
/// </summary>
public sealed class Endpoint(AdasDbContext db, LoginThrottle throttle, TimeProvider clock) : Endpoint<Request, UserDto>
{
    public override void Configure()
    {
        Put("/users/me");
        Summary(s => s.Summary = "Change your own display name or password (role and fleet are not yours to change)");
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var id = CurrentUser.From(User).Id;
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null) { await Send.NotFoundAsync(ct); return; }
        if (req.NewPassword is { } newPassword)
        {
            var (attempt, wait) = throttle.TryBegin(user.Email, HttpContext.Connection.RemoteIpAddress);
            if (attempt is null)
            {
                await SecurityExtensions.WriteTooManyRequestsAsync(HttpContext, wait, "Too many wrong passwords for this account.", ct);
                return;
            }
            if (Passwords.Verify(user, req.CurrentPassword ?? "") == PasswordVerificationResult.Failed)
                ThrowError(r => r.CurrentPassword, "The current password is wrong.");
            attempt.Succeeded();
            user.PasswordHash = Passwords.Hash(user, newPassword);
            await RevokeOtherSessionsAsync(user.Id, ct);
        }
        if (req.DisplayName is { } name) user.DisplayName = name.Trim();
        await db.SaveChangesAsync(ct);
        await Send.OkAsync(UserDto.From(user), ct);
    }

    private Task RevokeOtherSessionsAsync(Guid userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        Guid? current = Guid.TryParse(User.FindFirst(AppClaims.SessionId)?.Value, out var sid) ? sid : null;
        return db.RefreshTokens.Where(t => t.UserId == userId && t.RevokedAt == null && t.FamilyId != current)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now).SetProperty(t => t.RevokedReason, "password changed"), ct);
    }
}
