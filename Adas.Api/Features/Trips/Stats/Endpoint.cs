using Adas.Api.Features.Shared;
using Adas.Api.Security;
using Adas.Data;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;

namespace Adas.Api.Features.Trips.Stats;

public sealed class Endpoint(AdasDbContext db, TimeProvider clock) : Endpoint<IdRequest, Response>
{
    public override void Configure()
    {
        Get("/trips/{id:guid}/stats");
        Summary(s => s.Summary = "Events of a trip by type and severity, and events per hour");
    }

    public override async Task HandleAsync(IdRequest req, CancellationToken ct)
    {
        var trip = await db.Trips.AsNoTracking().VisibleTo(CurrentUser.From(User)).FirstOrDefaultAsync(t => t.Id == req.Id, ct);
        if (trip is null) { await Send.NotFoundAsync(ct); return; }

        var events = db.SafetyEvents.AsNoTracking().Where(e => e.TripId == trip.Id || e.Job!.TripId == trip.Id);
        var byType = await events.GroupBy(e => e.Type).Select(g => new CountBy<string>(g.Key, g.Count())).ToListAsync(ct);
        var bySeverity = await events.GroupBy(e => e.Severity)
            .Select(g => new CountBy<Data.Entities.Severity>(g.Key, g.Count())).ToListAsync(ct);
        var total = byType.Sum(c => c.Count);
        var hours = ((trip.EndedAt ?? clock.GetUtcNow().UtcDateTime) - trip.StartedAt).TotalHours;
        await Send.OkAsync(new Response(trip.Id, Math.Round(hours, 3), trip.DistanceKm, total,
            hours > 0 ? Math.Round(total / hours, 2) : null,
            [.. byType.OrderByDescending(c => c.Count)], [.. bySeverity.OrderBy(c => c.Key)]), ct);
    }
}
