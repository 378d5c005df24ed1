using Adas.Api.Features.Events.ReviewHistory;
using Adas.Api.Security;
using FastEndpoints;

namespace Adas.Api.Features.Events.Dispute;

/// <summary>A driver's comment on one of their own events; the verdict stays the reviewers'.</summary>
public sealed class Endpoint(EventReviewer reviewer) : Endpoint<Request, Entry>
{
    public override void Configure()
    {
        Post("/events/{id:guid}/dispute");
        Roles(AppRoles.Driver);
        Summary(s => s.Summary = "Dispute one of your own events with a comment (drivers); kept in the event's review history");
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var caller = CurrentUser.From(User);
        if (await reviewer.VisibleAsync([req.Id], caller, ct) is not [var found])
        {
            await Send.NotFoundAsync(ct);
            return;
        }
        var entry = await reviewer.DisputeAsync(found, req.Comment, caller, ct);
        await Send.OkAsync(Entry.From(entry, byUserName: null), ct);
    }
}
