using Adas.Api.Features.Shared;
using Adas.Api.Security;
using Adas.Data;
using Adas.Data.Entities;
using FastEndpoints;

namespace Adas.Api.Features.Alerts.Acknowledge;

/// <summary>Marks an open alert as reviewed, recording who and when in its history.</summary>
public sealed class Endpoint(AdasDbContext db, TimeProvider clock) : Endpoint<Request, AlertDto>
{
    public override void Configure()
    {
        Post("/alerts/{id:guid}/acknowledge");
        Roles(AppRoles.Admin, AppRoles.Manager);
        Summary(s =>
        {
            s.Summary = "Acknowledge an alert (admins; managers for their fleet)";
            s.Responses[409] = "The alert is already acknowledged or resolved.";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var (outcome, alert) = await new AlertReview(db, clock)
            .ApplyAsync(req.Id, CurrentUser.From(User), AlertStatus.Acknowledged, "acknowledged", req.Note, ct);
        await (outcome switch
        {
            AlertReview.Outcome.NotFound => Send.NotFoundAsync(ct),
            AlertReview.Outcome.AlreadyInState => Send.ResultAsync(Problems.Conflict(
                $"The alert is already {alert!.Status.ToString().ToLowerInvariant()}.")),
            _ => Send.OkAsync(AlertDto.From(alert!), ct),
        });
    }
}
