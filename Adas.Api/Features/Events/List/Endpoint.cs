using Adas.Api.Features.Shared;
using Adas.Api.Security;
using Adas.Data;
using Adas.Data.Results;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;

namespace Adas.Api.Features.Events.List;

public sealed class Endpoint(AdasDbContext db) : Endpoint<Request, Paged<SafetyEventView>>
{
    public override void Configure()
    {
        Get("/events");
        Summary(s => s.Summary = "Safety events the caller may see, newest first, filtered by type, severity, time, vehicle, driver, trip or job");
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var page = await db.SafetyEvents.AsNoTracking().VisibleTo(CurrentUser.From(User)).Filter(req)
            .OrderByDescending(e => e.OccurredAt).ThenBy(e => e.Id).ToPageAsync(req, ct);
        await Send.OkAsync(page.Map(SafetyEventView.From), ct);
    }
}
