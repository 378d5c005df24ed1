using Adas.Api.Features.Shared;
using Adas.Api.Security;
using Adas.Data;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;

namespace Adas.Api.Features.Vehicles.Get;

public sealed class Endpoint(AdasDbContext db) : Endpoint<IdRequest, VehicleDto>
{
    public override void Configure()
    {
        Get("/vehicles/{id:guid}");
        Summary(s => s.Summary = "One vehicle with its camera model");
    }

    public override async Task HandleAsync(IdRequest req, CancellationToken ct)
    {
        var vehicle = await db.Vehicles.AsNoTracking().VisibleTo(CurrentUser.From(User)).FirstOrDefaultAsync(v => v.Id == req.Id, ct);
        if (vehicle is null) await Send.NotFoundAsync(ct);
        else await Send.OkAsync(VehicleDto.From(vehicle), ct);
    }
}
