using Adas.Api.Security;
using Adas.Data.Results;
using FastEndpoints;

namespace Adas.Api.Features.Events.Review;

public sealed class Endpoint(EventReviewer reviewer) : Endpoint<Request, SafetyEventView>
{
    public override void Configure()
    {
        Put("/events/{id:guid}/review");
        Roles(AppRoles.Admin, AppRoles.Manager);
        Summary(s => s.Summary = "Set an event's review verdict (admins; managers for their fleet); settles its alert and is kept in the review history");
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var caller = CurrentUser.From(User);
        if (await reviewer.VisibleAsync([req.Id], caller, ct) is not [var found])
        {
            await Send.NotFoundAsync(ct);
            return;
        }
        await reviewer.DecideAsync([found], req, caller, ct);
        await Send.OkAsync(SafetyEventView.From(found), ct);
    }
}
