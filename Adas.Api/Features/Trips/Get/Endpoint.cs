using Adas.Api.Features.Shared;
using Adas.Api.Security;
using Adas.Data;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;

namespace Adas.Api.Features.Trips.Get;

public sealed class Endpoint(AdasDbContext db) : Endpoint<IdRequest, TripDto>
{
    public override void Configure()
    {
        Get("/trips/{id:guid}");
        Summary(s => s.Summary = "One trip (404 when the caller may not see it)");
    }

    public override async Task HandleAsync(IdRequest req, CancellationToken ct)
    {
        var trip = await db.Trips.AsNoTracking().VisibleTo(CurrentUser.From(User)).FirstOrDefaultAsync(t => t.Id == req.Id, ct);
        if (trip is null) await Send.NotFoundAsync(ct);
        else await Send.OkAsync(TripDto.From(trip), ct);
    }
}
