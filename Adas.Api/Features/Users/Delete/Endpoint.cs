using Adas.Api.Features.Shared;
using Adas.Api.Security;
using Adas.Data;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;

namespace Adas.Api.Features.Users.Delete;

/// <summary>Deactivates the account and revokes its sessions; its trips, jobs and events keep their history.</summary>
public sealed class Endpoint(AdasDbContext db, TimeProvider clock, AccountStatus accounts) : Endpoint<IdRequest>
{
    public override void Configure()
    {
        Delete("/users/{id:guid}");
        Roles(AppRoles.Admin);
        Summary(s => s.Summary = "Deactivate a user (admins)");
    }

    public override async Task HandleAsync(IdRequest req, CancellationToken ct)
    {
        var caller = CurrentUser.From(User);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == req.Id, ct);
        if (user is null) { await Send.NotFoundAsync(ct); return; }
        if (user.Id == caller.Id) { await Send.ResultAsync(Problems.Forbidden("You cannot deactivate yourself.")); return; }
        user.IsActive = false;
        var now = clock.GetUtcNow().UtcDateTime;
        await db.RefreshTokens.Where(t => t.UserId == user.Id && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now).SetProperty(t => t.RevokedReason, "account deactivated"), ct);
        await db.SaveChangesAsync(ct);
        accounts.Forget(user.Id);
        await Send.NoContentAsync(ct);
    }
}
