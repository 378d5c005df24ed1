using Adas.Api.Features.Shared;
using Adas.Api.Security;
using Adas.Data;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;

namespace Adas.Api.Features.Alerts.History;

public sealed class Endpoint(AdasDbContext db) : Endpoint<IdRequest, IReadOnlyList<Entry>>
{
    public override void Configure()
    {
        Get("/alerts/{id:guid}/history");
        Summary(s => s.Summary = "Who did what to an alert, oldest first");
    }

    public override async Task HandleAsync(IdRequest req, CancellationToken ct)
    {
        if (!await db.Alerts.VisibleTo(CurrentUser.From(User)).AnyAsync(a => a.Id == req.Id, ct))
        { await Send.NotFoundAsync(ct); return; }
        var entries = await db.AlertHistory.AsNoTracking().Where(h => h.AlertId == req.Id).OrderBy(h => h.At)
            .Select(h => new Entry(h.Id, h.Action, h.ByUserId, h.ByUser != null ? h.ByUser.DisplayName : null, h.Note, h.At))
            .ToListAsync(ct);
        await Send.OkAsync(entries, ct);
    }
}
