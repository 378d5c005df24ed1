using Adas.Api.Features.Shared;
using Adas.Api.Security;
using Adas.Data;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;

namespace Adas.Api.Features.Events.ReviewHistory;

public sealed class Endpoint(AdasDbContext db) : Endpoint<IdRequest, IReadOnlyList<Entry>>
{
    public override void Configure()
    {
        Get("/events/{id:guid}/review-history");
        Summary(s => s.Summary = "Every verdict and dispute on an event: who, when, from which state to which, reason and note; oldest first");
    }

    public override async Task HandleAsync(IdRequest req, CancellationToken ct)
    {
        if (!await db.SafetyEvents.VisibleTo(CurrentUser.From(User)).AnyAsync(e => e.Id == req.Id, ct))
        {
            await Send.NotFoundAsync(ct);
            return;
        }
        var entries = await db.EventReviews.AsNoTracking().Where(r => r.EventId == req.Id).OrderBy(r => r.At).ThenBy(r => r.Id)
            .Select(r => new { Review = r, ByUserName = r.ByUser != null ? r.ByUser.DisplayName : null })
            .ToListAsync(ct);
        await Send.OkAsync([.. entries.Select(e => Entry.From(e.Review, e.ByUserName))], ct);
    }
}
