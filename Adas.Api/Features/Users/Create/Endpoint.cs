using Adas.Api.Features.Shared;
using Adas.Api.Security;
using Adas.Data;
using Adas.Data.Security;
using Adas.Data.Entities;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;

namespace Adas.Api.Features.Users.Create;

/// <summary>Admins create any account; managers create drivers in their own fleet.</summary>
public sealed class Endpoint(AdasDbContext db) : Endpoint<Request, UserDto>
{
    public override void Configure()
    {
        Post("/users");
        Roles(AppRoles.Admin, AppRoles.Manager);
        Description(b => b.ClearDefaultProduces(200).Produces<UserDto>(StatusCodes.Status201Created));
        Summary(s =>
        {
            s.Summary = "Create a user (admins: any role; managers: drivers of their own fleet)";
            s.Responses[409] = "A user with this email exists.";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var caller = CurrentUser.From(User);
        var role = req.Role ?? (caller.IsManager ? UserRole.Driver : UserRole.Viewer);
        var fleetId = req.FleetId;
        if (caller.IsManager)
        {
            if (role != UserRole.Driver) { await Send.ResultAsync(Problems.Forbidden("Managers can only create drivers.")); return; }
            if (caller.FleetId is null) { await Send.ResultAsync(Problems.Forbidden("You belong to no fleet.")); return; }
            if (fleetId is not null && fleetId != caller.FleetId)
            { await Send.ResultAsync(Problems.Forbidden("Managers can only create drivers in their own fleet.")); return; }
            fleetId = caller.FleetId;
        }
        if (fleetId is { } fleet && !await db.Fleets.AnyAsync(f => f.Id == fleet, ct))
            AddError(r => r.FleetId, "No such fleet.");
        var email = req.Email.Trim().ToLowerInvariant();
        if (await db.Users.AnyAsync(u => u.Email == email, ct))
        { await Send.ResultAsync(Problems.Conflict("A user with this email exists.")); return; }
        ThrowIfAnyErrors();

        var user = new User { Email = email, DisplayName = req.DisplayName.Trim(), Role = role, FleetId = fleetId };
        user.PasswordHash = Passwords.Hash(user, req.Password);
        db.Users.Add(user);
        await db.SaveChangesAsync(ct);
        await Send.CreatedAtAsync<Get.Endpoint>(new { id = user.Id }, UserDto.From(user), cancellation: ct);
    }
}
