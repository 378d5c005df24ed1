using Adas.Api.Features.Shared;
using Adas.Api.Security;
using Adas.Data;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;

namespace Adas.Api.Features.Fleets.List;

public sealed class Endpoint(AdasDbContext db) : Endpoint<Request, Paged<FleetDto>>
{
    public override void Configure()
    {
        Get("/fleets");
        Summary(s => s.Summary = "Fleets (admins all, others their own)");
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var caller = CurrentUser.From(User);
        var query = db.Fleets.AsNoTracking();
        if (!caller.IsAdmin) query = query.Where(f => f.Id == caller.FleetId);
        var page = await query.OrderBy(f => f.Name).ToPageAsync(req, ct);
        await Send.OkAsync(page.Map(FleetDto.From), ct);
    }
}
