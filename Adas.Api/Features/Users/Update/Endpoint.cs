using Adas.Api.Features.Shared;
using Adas.Api.Security;
using Adas.Data;
using Adas.Data.Security;
using Adas.Data.Entities;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;

namespace Adas.Api.Features.Users.Update;

/// <summary>Admins edit any user; managers edit the drivers of their fleet (name, password, active), never role or fleet.</summary>
public sealed class Endpoint(AdasDbContext db, TimeProvider clock, AccountStatus accounts) : Endpoint<Request, UserDto>
{
    public override void Configure()
    {
        Put("/users/{id:guid}");
        Roles(AppRoles.Admin, AppRoles.Manager);
        Summary(s => s.Summary = "Update a user");
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var caller = CurrentUser.From(User);
        var user = await db.Users.VisibleTo(caller).FirstOrDefaultAsync(u => u.Id == req.Id, ct);
        if (user is null) { await Send.NotFoundAsync(ct); return; }
        if (caller.IsManager)
        {
            if (user.Role != UserRole.Driver) { await Send.ResultAsync(Problems.Forbidden("Managers can only edit drivers.")); return; }
            if ((req.Role is { } r && r != user.Role) || (req.FleetId is { } f && f != user.FleetId))
            { await Send.ResultAsync(Problems.Forbidden("Only admins change roles or fleets.")); return; }
        }
        if (caller.Id == user.Id && (req.Role is { } own && own != user.Role || req.IsActive == false))
        { await Send.ResultAsync(Problems.Forbidden("You cannot change your own role or deactivate yourself.")); return; }
        if (caller.IsAdmin && req.FleetId is { } fleet && !await db.Fleets.AnyAsync(x => x.Id == fleet, ct))
        {
            AddError(x => x.FleetId, "No such fleet.");
            ThrowIfAnyErrors();
        }

        if (req.DisplayName is { } name) user.DisplayName = name.Trim();
        if (caller.IsAdmin && req.Role is { } role) user.Role = role;
        if (caller.IsAdmin && req.FleetId is { } newFleet) user.FleetId = newFleet;
        if (req.Password is { } password) user.PasswordHash = Passwords.Hash(user, password);
        if (req.IsActive is { } active) user.IsActive = active;
        if (req.Password is not null || req.IsActive == false || req.Role is not null || req.FleetId is not null)
            await RevokeSessionsAsync(user.Id, ct);
        await db.SaveChangesAsync(ct);
        accounts.Forget(user.Id);
        await Send.OkAsync(UserDto.From(user), ct);
    }

    private Task RevokeSessionsAsync(Guid userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.RefreshTokens.Where(t => t.UserId == userId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now).SetProperty(t => t.RevokedReason, "account changed"), ct);
    }
}
