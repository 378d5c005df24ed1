using Adas.Api.Features.Shared;
using Adas.Api.Security;
using Adas.Data;
using Adas.Data.Entities;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;

namespace Adas.Api.Features.Events.Stats;

public sealed class Endpoint(AdasDbContext db) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("/events/stats");
        Summary(s => s.Summary = "Counts of the visible events by type, severity and day (UTC), with the same filters as the list");
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var events = db.SafetyEvents.AsNoTracking().VisibleTo(CurrentUser.From(User)).Filter(req);
        var byType = await events.GroupBy(e => e.Type).Select(g => new CountBy<string>(g.Key, g.Count())).ToListAsync(ct);
        var bySeverity = await events.GroupBy(e => e.Severity).Select(g => new CountBy<Severity>(g.Key, g.Count())).ToListAsync(ct);
        var byDay = await events.GroupBy(e => e.OccurredAt.Date).Select(g => new { Day = g.Key, Count = g.Count() }).ToListAsync(ct);
        await Send.OkAsync(new Response(byType.Sum(c => c.Count),
            [.. byType.OrderByDescending(c => c.Count).ThenBy(c => c.Key)],
            [.. bySeverity.OrderBy(c => c.Key)],
            [.. byDay.OrderBy(d => d.Day).Select(d => new CountBy<DateOnly>(DateOnly.FromDateTime(d.Day), d.Count))]), ct);
    }
}
