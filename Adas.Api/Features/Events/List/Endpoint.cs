using Adas.Api.Features.Shared;
using Adas.Api.Security;
using Adas.Data;
using Adas.Data.Entities;
using Adas.Data.Results;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;

namespace Adas.Api.Features.Events.List;

public sealed class Endpoint(AdasDbContext db) : Endpoint<Request, Paged<SafetyEventView>>
{
    public override void Configure()
    {
        Get("/events");
        Summary(s => s.Summary = "Safety events the caller may see, newest first, filtered by type, severity, review state, dismiss reason, time, vehicle, driver, trip or job; newest first or in review-queue order");
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var events = db.SafetyEvents.AsNoTracking().VisibleTo(CurrentUser.From(User)).Filter(req);
        // Severity is stored as its name, so its rank is spelled out rather than sorted as text.
        var ordered = req.Order == EventOrder.Review
            ? events.OrderBy(e => e.Severity == Severity.Critical ? 0 : e.Severity == Severity.Warning ? 1 : 2).ThenBy(e => e.OccurredAt).ThenBy(e => e.Id)
            : events.OrderByDescending(e => e.OccurredAt).ThenBy(e => e.Id);
        var page = await ordered.ToPageAsync(req, ct);
        await Send.OkAsync(page.Map(SafetyEventView.From), ct);
    }
}
