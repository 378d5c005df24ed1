using Adas.Api.Features.Shared;
using Adas.Api.Security;
using Adas.Data;
using Adas.Data.Entities;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;

namespace Adas.Api.Features.Alerts.Acknowledge;

/// <summary>Marks an open alert as reviewed, recording who and when in its history.</summary>
public sealed class Endpoint(AdasDbContext db, TimeProvider clock) : Endpoint<Request, AlertDto>
{
    public override void Configure()
    {
        Post("/alerts/{id:guid}/acknowledge");
        Roles(AppRoles.Admin, AppRoles.Manager);
        Summary(s => s.Summary = "Acknowledge an alert (admins; managers for their fleet)");
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var caller = CurrentUser.From(User);
        var alert = await db.Alerts.VisibleTo(caller).FirstOrDefaultAsync(a => a.Id == req.Id, ct);
        if (alert is null) { await Send.NotFoundAsync(ct); return; }
        if (alert.Status != AlertStatus.Open)
        { await Send.ResultAsync(Problems.Conflict($"The alert is already {alert.Status.ToString().ToLowerInvariant()}.")); return; }

        var now = clock.GetUtcNow().UtcDateTime;
        alert.Status = AlertStatus.Acknowledged;
        alert.AcknowledgedAt = now;
        alert.AcknowledgedById = caller.Id;
        db.AlertHistory.Add(new AlertHistory { AlertId = alert.Id, Action = "acknowledged", ByUserId = caller.Id, Note = req.Note, At = now });
        await db.SaveChangesAsync(ct);
        await Send.OkAsync(AlertDto.From(alert), ct);
    }
}
