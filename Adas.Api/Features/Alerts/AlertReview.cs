using Adas.Api.Security;
using Adas.Data;
using Adas.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Adas.Api.Features.Alerts;

/// <summary>Moves a visible alert to a new status and records who did it, when, and why in its history.</summary>
public sealed class AlertReview(AdasDbContext db, TimeProvider clock)
{
    public enum Outcome { Done, NotFound, AlreadyInState }

    public async Task<(Outcome Outcome, Alert? Alert)> ApplyAsync(Guid alertId, CurrentUser caller, AlertStatus to, string action,
        string? note, CancellationToken ct)
    {
        var alert = await db.Alerts.VisibleTo(caller).FirstOrDefaultAsync(a => a.Id == alertId, ct);
        if (alert is null) return (Outcome.NotFound, null);
        if (alert.Status == to || alert.Status == AlertStatus.Resolved) return (Outcome.AlreadyInState, alert);

        var now = clock.GetUtcNow().UtcDateTime;
        if (alert.AcknowledgedAt is null)
        {
            alert.AcknowledgedAt = now;
            alert.AcknowledgedById = caller.Id;
        }
        alert.Status = to;
        db.AlertHistory.Add(new AlertHistory { AlertId = alert.Id, Action = action, ByUserId = caller.Id, Note = note, At = now });
        await db.SaveChangesAsync(ct);
        return (Outcome.Done, alert);
    }
}
