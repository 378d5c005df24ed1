using Adas.Api.Security;
using Adas.Data;
using Adas.Data.Entities;
using FastEndpoints;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Adas.Api.Features.Users.UpdateMe;

public sealed class Endpoint(AdasDbContext db) : Endpoint<Request, UserDto>
{
    private static readonly PasswordHasher<User> Hasher = new();

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
            if (Hasher.VerifyHashedPassword(user, user.PasswordHash, req.CurrentPassword ?? "") == PasswordVerificationResult.Failed)
                ThrowError(r => r.CurrentPassword, "The current password is wrong.");
            user.PasswordHash = Hasher.HashPassword(user, newPassword);
        }
        if (req.DisplayName is { } name) user.DisplayName = name.Trim();
        await db.SaveChangesAsync(ct);
        await Send.OkAsync(UserDto.From(user), ct);
    }
}
