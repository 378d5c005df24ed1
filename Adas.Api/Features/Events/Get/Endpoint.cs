using Adas.Api.Features.Shared;
using Adas.Api.Security;
using Adas.Data;
using Adas.Data.Results;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;

namespace Adas.Api.Features.Events.Get;

public sealed class Endpoint(AdasDbContext db) : Endpoint<IdRequest, SafetyEventView>
{
    public override void Configure()
    {
        Get("/events/{id:guid}");
        Summary(s => s.Summary = "One safety event");
    }

    public override async Task HandleAsync(IdRequest req, CancellationToken ct)
    {
        var found = await db.SafetyEvents.AsNoTracking().VisibleTo(CurrentUser.From(User)).FirstOrDefaultAsync(e => e.Id == req.Id, ct);
        if (found is null) await Send.NotFoundAsync(ct);
        else await Send.OkAsync(SafetyEventView.From(found), ct);
    }
}
