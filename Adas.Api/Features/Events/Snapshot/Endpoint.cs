using Adas.Api.Features.Shared;
using Adas.Api.Security;
using Adas.Data;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;

namespace Adas.Api.Features.Events.Snapshot;

/// <summary>The JPEG taken at the event's peak (the subject boxed), under the same visibility as the event.</summary>
public sealed class Endpoint(AdasDbContext db) : Endpoint<IdRequest>
{
    public override void Configure()
    {
        Get("/events/{id:guid}/snapshot");
        Description(b => b.ClearDefaultProduces(204).Produces(StatusCodes.Status200OK, typeof(Stream), "image/jpeg"));
        Summary(s => s.Summary = "The event's snapshot (JPEG of its peak moment); 404 when it has none");
    }

    public override async Task HandleAsync(IdRequest req, CancellationToken ct)
    {
        var found = await db.SafetyEvents.AsNoTracking().VisibleTo(CurrentUser.From(User))
            .Where(e => e.Id == req.Id).Select(e => new { e.SnapshotPath }).FirstOrDefaultAsync(ct);
        if (found is null)
            await Send.NotFoundAsync(ct);
        else if (found.SnapshotPath is not { } path || !File.Exists(path))
            await Send.ResultAsync(Problems.NotFound("This event has no snapshot."));
        else
            await Send.ResultAsync(TypedResults.PhysicalFile(path, "image/jpeg"));
    }
}
