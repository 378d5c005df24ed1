using Adas.Api.Features.Shared;
using Adas.Api.Security;
using Adas.Data;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;

namespace Adas.Api.Features.Trips.Delete;

/// <summary>Removes the trip; its jobs and events stay, detached from it.</summary>
public sealed class Endpoint(AdasDbContext db) : Endpoint<IdRequest>
{
    public override void Configure()
    {
        Delete("/trips/{id:guid}");
        Roles(AppRoles.Admin, AppRoles.Manager, AppRoles.Driver);
        Summary(s => s.Summary = "Delete a trip");
    }

    public override async Task HandleAsync(IdRequest req, CancellationToken ct)
    {
        var trip = await db.Trips.AsNoTracking().VisibleTo(CurrentUser.From(User)).FirstOrDefaultAsync(t => t.Id == req.Id, ct);
        if (trip is null) { await Send.NotFoundAsync(ct); return; }
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.VideoJobs.Where(j => j.TripId == trip.Id).ExecuteUpdateAsync(s => s.SetProperty(j => j.TripId, (Guid?)null), ct);
            await db.SafetyEvents.Where(e => e.TripId == trip.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.TripId, (Guid?)null), ct);
            await db.Trips.Where(t => t.Id == trip.Id).ExecuteDeleteAsync(ct);
            await transaction.CommitAsync(ct);
        });
        await Send.NoContentAsync(ct);
    }
}
