using Adas.Api.Security;
using FastEndpoints;

namespace Adas.Api.Features.Events.ReviewMany;

/// <summary>One verdict for up to 500 events in one transaction: all change, or (when any cannot) none.</summary>
public sealed class Endpoint(EventReviewer reviewer) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Put("/events/review");
        Roles(AppRoles.Admin, AppRoles.Manager);
        Summary(s =>
        {
            s.Summary = "Set one review verdict on up to 500 events at once: all or none; the events that cannot be reviewed are listed";
            s.Responses[422] = "Some events are not visible to the caller; nothing was changed (the problem lists them).";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var caller = CurrentUser.From(User);
        var found = await reviewer.VisibleAsync(req.Ids, caller, ct);
        var missing = req.Ids.Except(found.Select(e => e.Id)).Select(id => new EventProblem(id, "No such event among those you may review.")).ToList();
        if (missing.Count > 0)
        {
            await Send.ResultAsync(TypedResults.Problem(title: "Some events cannot be reviewed",
                detail: $"{missing.Count} of {req.Ids.Count} events cannot be reviewed; nothing was changed.",
                statusCode: StatusCodes.Status422UnprocessableEntity, extensions: new Dictionary<string, object?> { ["events"] = missing }));
            return;
        }
        await reviewer.DecideAsync(found, req, caller, ct);
        await Send.OkAsync(new Response(found.Count), ct);
    }
}
