using Adas.Api.Features.Shared;
using Adas.Api.Security;
using Adas.Data;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;

namespace Adas.Api.Features.Users.Get;

public sealed class Endpoint(AdasDbContext db) : Endpoint<IdRequest, UserDto>
{
    public override void Configure()
    {
        Get("/users/{id:guid}");
        Summary(s => s.Summary = "One user (404 when the caller may not see it)");
    }

    public override async Task HandleAsync(IdRequest req, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().VisibleTo(CurrentUser.From(User)).FirstOrDefaultAsync(u => u.Id == req.Id, ct);
        if (user is null) await Send.NotFoundAsync(ct);
        else await Send.OkAsync(UserDto.From(user), ct);
    }
}
