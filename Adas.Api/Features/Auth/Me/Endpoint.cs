using Adas.Api.Features.Users;
using Adas.Api.Security;
using Adas.Data;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;

namespace Adas.Api.Features.Auth.Me;

public sealed class Endpoint(AdasDbContext db) : EndpointWithoutRequest<UserDto>
{
    public override void Configure()
    {
        Get("/auth/me");
        Summary(s => s.Summary = "The caller's own account");
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var id = CurrentUser.From(User).Id;
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null) await Send.NotFoundAsync(ct);
        else await Send.OkAsync(UserDto.From(user), ct);
    }
}
