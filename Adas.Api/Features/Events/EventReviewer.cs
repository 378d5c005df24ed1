using System.Globalization;
using Adas.Api.Extensions;
using Adas.Api.Security;
using Adas.Data;
using Adas.Data.Entities;
using Adas.Data.Queue;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace Adas.Api.Features.Events;

/// <summary>
/// Records verdicts on events the caller may see: the event's review fields, a history row per change, and the
/// event's alert settled with the verdict (so the alert inbox and the review queue never disagree); then tells the
/// live inboxes. Several events are decided in one save, so they change together or not at all.
/// </summary>
public sealed class EventReviewer(AdasDbContext db, JobQueue queue, TimeProvider clock, ILogger<EventReviewer> logger)
{
    private const int MaxAlertNoteLength = 500;

    public async Task<List<SafetyEvent>> VisibleAsync(IReadOnlyCollection<Guid> ids, CurrentUser caller, CancellationToken ct) =>
        await db.SafetyEvents.VisibleTo(caller).Where(e => ids.Contains(e.Id)).ToListAsync(ct);

    public async Task DecideAsync(IReadOnlyList<SafetyEvent> events, IVerdict verdict, CurrentUser caller, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = events.Select(e => e.Id).ToList();
        var openAlerts = verdict.State == ReviewState.NeedsReview ? []
            : await db.Alerts.Where(a => ids.Contains(a.EventId) && a.Status != AlertStatus.Resolved).ToListAsync(ct);
        foreach (var e in events)
        {
            db.EventReviews.Add(new EventReview
            {
                EventId = e.Id, Action = "verdict", FromState = e.ReviewState, ToState = verdict.State, DismissReason = verdict.DismissReason,
                Note = verdict.Note ?? verdict.CoachingNote, ByUserId = caller.Id, At = now,
            });
            Apply(e, verdict, caller.Id, now);
        }
        foreach (var alert in openAlerts)
        {
            alert.Status = AlertStatus.Resolved;
            if (alert.AcknowledgedAt is null) (alert.AcknowledgedAt, alert.AcknowledgedById) = (now, caller.Id);
            db.AlertHistory.Add(new AlertHistory { AlertId = alert.Id, Action = "resolved", ByUserId = caller.Id, Note = SettlingNote(verdict), At = now });
        }
        await db.SaveChangesAsync(ct);
        await TellInboxesAsync(ids);
    }

    public async Task<EventReview> DisputeAsync(SafetyEvent e, string comment, CurrentUser caller, CancellationToken ct)
    {
        var entry = new EventReview
        {
            EventId = e.Id, Action = "dispute", FromState = e.ReviewState, ToState = e.ReviewState, Note = comment, ByUserId = caller.Id,
            At = clock.GetUtcNow().UtcDateTime,
        };
        db.EventReviews.Add(entry);
        await db.SaveChangesAsync(ct);
        await TellInboxesAsync([e.Id]);
        return entry;
    }

    // The verdict is saved; live inboxes missing one message (Redis down) catch up on their next load.
    private async Task TellInboxesAsync(IReadOnlyList<Guid> ids)
    {
        try { await queue.PublishReviewAsync(ids); }
        catch (RedisException ex) { logger.LogWarning(ex, "The review of {Count} events was saved but not announced to live inboxes", ids.Count); }
    }

    private static void Apply(SafetyEvent e, IVerdict verdict, Guid reviewerId, DateTime now)
    {
        e.ReviewState = verdict.State;
        e.DismissReason = verdict.DismissReason;
        e.ReviewNote = verdict.Note;
        e.CoachingNote = verdict.CoachingNote;
        e.CoachedAt = verdict.State == ReviewState.Coached ? (verdict.CoachedAt?.ToUniversalTime() ?? now) : null;
        var reopened = verdict.State == ReviewState.NeedsReview;
        e.ReviewedById = reopened ? null : reviewerId;
        e.ReviewedAt = reopened ? null : now;
    }

    private static string SettlingNote(IVerdict verdict)
    {
        var state = ApiConventions.SnakeCase(verdict.State);
        var note = verdict.DismissReason is { } reason ? $"Reviewed: {state} ({ApiConventions.SnakeCase(reason)})" : $"Reviewed: {state}";
        var full = verdict.Note is { Length: > 0 } text ? string.Create(CultureInfo.InvariantCulture, $"{note}. {text}") : note;
        return full.Length <= MaxAlertNoteLength ? full : full[..MaxAlertNoteLength];
    }
}
