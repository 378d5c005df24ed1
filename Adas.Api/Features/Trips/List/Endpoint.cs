using Adas.Api.Features.Shared;
using Adas.Api.Security;
using Adas.Data;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;

namespace Adas.Api.Features.Trips.List;

public sealed class Endpoint(AdasDbContext db) : Endpoint<Request, Paged<TripDto>>
{
    public override void Configure()
    {
        Get("/trips");
        Summary(s => s.Summary = "Trips the caller may see, newest first");
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var query = db.Trips.AsNoTracking().VisibleTo(CurrentUser.From(User));
        if (req.VehicleId is { } vehicle) query = query.Where(t => t.VehicleId == vehicle);
        if (req.DriverId is { } driver) query = query.Where(t => t.DriverId == driver);
        if (req.Status is { } status) query = query.Where(t => t.Status == status);
        if (req.From is { } from) query = query.Where(t => t.StartedAt >= from.ToUniversalTime());
        if (req.To is { } to) query = query.Where(t => t.StartedAt < to.ToUniversalTime());
        var page = await query.OrderByDescending(t => t.StartedAt).ThenBy(t => t.Id).ToPageAsync(req, ct);
        await Send.OkAsync(page.Map(TripDto.From), ct);
    }
}
