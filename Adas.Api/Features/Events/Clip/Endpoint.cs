using Adas.Api.Features.Shared;
using Adas.Api.Security;
using Adas.Data;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;

namespace Adas.Api.Features.Events.Clip;

/// <summary>The short H.264 clip around a warning or critical event, under the same visibility as the event.</summary>
public sealed class Endpoint(AdasDbContext db) : Endpoint<IdRequest>
{
    public override void Configure()
    {
        Get("/events/{id:guid}/clip");
        Description(b => b.ClearDefaultProduces(204).Produces(StatusCodes.Status200OK, typeof(Stream), "video/mp4").Produces(StatusCodes.Status206PartialContent, typeof(Stream), "video/mp4"));
        Summary(s => s.Summary = "The event's video clip (H.264 MP4, supports HTTP Range); 404 when it has none");
    }

    public override async Task HandleAsync(IdRequest req, CancellationToken ct)
    {
        var found = await db.SafetyEvents.AsNoTracking().VisibleTo(CurrentUser.From(User))
            .Where(e => e.Id == req.Id).Select(e => new { e.ClipPath }).FirstOrDefaultAsync(ct);
        if (found is null)
            await Send.NotFoundAsync(ct);
        else if (found.ClipPath is not { } path || !File.Exists(path))
            await Send.ResultAsync(Problems.NotFound("This event has no clip."));
        else
            await Send.ResultAsync(TypedResults.PhysicalFile(path, "video/mp4", $"event_{req.Id:N}.mp4", enableRangeProcessing: true));
    }
}
