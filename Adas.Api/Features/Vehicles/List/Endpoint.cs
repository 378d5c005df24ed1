using Adas.Api.Features.Shared;
using Adas.Api.Security;
using Adas.Data;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;

namespace Adas.Api.Features.Vehicles.List;

public sealed class Endpoint(AdasDbContext db) : Endpoint<Request, Paged<VehicleDto>>
{
    public override void Configure()
    {
        Get("/vehicles");
        Summary(s => s.Summary = "Vehicles of the caller's fleet (admins: all)");
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var query = db.Vehicles.AsNoTracking().VisibleTo(CurrentUser.From(User));
        if (req.FleetId is { } fleet) query = query.Where(v => v.FleetId == fleet);
        if (req.Search is { Length: > 0 } search)
        {
            var term = search.Trim().ToLower();
            query = query.Where(v => v.Name.ToLower().Contains(term) || (v.Plate != null && v.Plate.ToLower().Contains(term)));
        }
        var page = await query.OrderBy(v => v.Name).ToPageAsync(req, ct);
        await Send.OkAsync(page.Map(VehicleDto.From), ct);
    }
}
