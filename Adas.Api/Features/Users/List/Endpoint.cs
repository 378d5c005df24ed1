using Adas.Api.Features.Shared;
using Adas.Api.Security;
using Adas.Data;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;

namespace Adas.Api.Features.Users.List;

public sealed class Endpoint(AdasDbContext db) : Endpoint<Request, Paged<UserDto>>
{
    public override void Configure()
    {
        Get("/users");
        Summary(s => s.Summary = "Users the caller may see (admins all, managers and viewers their fleet, drivers themselves)");
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var query = db.Users.AsNoTracking().VisibleTo(CurrentUser.From(User));
        if (req.Role is { } role) query = query.Where(u => u.Role == role);
        if (req.FleetId is { } fleet) query = query.Where(u => u.FleetId == fleet);
        if (req.IsActive is { } active) query = query.Where(u => u.IsActive == active);
        if (req.Search is { Length: > 0 } search)
        {
            var term = search.Trim().ToLowerInvariant();
            query = query.Where(u => u.Email.Contains(term) || u.DisplayName.ToLower().Contains(term));
        }
        var page = await query.OrderBy(u => u.Email).ToPageAsync(req, ct);
        await Send.OkAsync(page.Map(UserDto.From), ct);
    }
}
