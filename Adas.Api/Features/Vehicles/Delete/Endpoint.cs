using Adas.Api.Features.Shared;
using Adas.Api.Security;
using Adas.Data;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;

namespace Adas.Api.Features.Vehicles.Delete;

/// <summary>Removes the vehicle; its trips and jobs stay, without a vehicle.</summary>
public sealed class Endpoint(AdasDbContext db) : Endpoint<IdRequest>
{
    public override void Configure()
    {
        Delete("/vehicles/{id:guid}");
        Roles(AppRoles.Admin, AppRoles.Manager);
        Summary(s => s.Summary = "Delete a vehicle");
    }

    public override async Task HandleAsync(IdRequest req, CancellationToken ct)
    {
        var vehicle = await db.Vehicles.VisibleTo(CurrentUser.From(User)).FirstOrDefaultAsync(v => v.Id == req.Id, ct);
        if (vehicle is null) { await Send.NotFoundAsync(ct); return; }
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.Trips.Where(t => t.VehicleId == vehicle.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.VehicleId, (Guid?)null), ct);
            await db.VideoJobs.Where(j => j.VehicleId == vehicle.Id).ExecuteUpdateAsync(s => s.SetProperty(j => j.VehicleId, (Guid?)null), ct);
            await db.Vehicles.Where(v => v.Id == vehicle.Id).ExecuteDeleteAsync(ct);
            await transaction.CommitAsync(ct);
        });
        await Send.NoContentAsync(ct);
    }
}
