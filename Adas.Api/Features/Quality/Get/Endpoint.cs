using Adas.Api.Features.Shared;
using Adas.Api.Security;
using FastEndpoints;

namespace Adas.Api.Features.Quality.Get;

public sealed class Endpoint(QualityReport report) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("/quality");
        Roles(AppRoles.Admin, AppRoles.Manager);
        Summary(s => s.Summary = "How often each event type is right: review counts and precision with a 95 % Wilson interval, by model set and per week (admins: any fleet or all; managers: their fleet)");
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var fleet = QualityReport.FleetScope(CurrentUser.From(User), req.FleetId, out var allowed);
        if (!allowed)
        {
            await Send.ResultAsync(Problems.Forbidden("Managers see the quality of their own fleet's events."));
            return;
        }
        await Send.OkAsync(await report.BuildAsync(fleet, req.From, req.To, ct), ct);
    }
}
