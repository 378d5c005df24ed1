using Adas.Api.Features.Shared;
using Adas.Api.Security;
using FastEndpoints;

namespace Adas.Api.Features.Quality.Export;

public sealed class Endpoint(QualityReport report) : Endpoint<Request>
{
    public override void Configure()
    {
        Get("/quality/export");
        Roles(AppRoles.Admin, AppRoles.Manager);
        Summary(s => s.Summary = "The quality report as CSV: one row per type and severity, then per model set");
        Description(b => b.Produces<string>(StatusCodes.Status200OK, "text/csv"));
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var fleet = QualityReport.FleetScope(CurrentUser.From(User), req.FleetId, out var allowed);
        if (!allowed)
        {
            await Send.ResultAsync(Problems.Forbidden("Managers see the quality of their own fleet's events."));
            return;
        }
        HttpContext.Response.Headers.ContentDisposition = "attachment; filename=quality.csv";
        await Send.StringAsync(QualityReport.Csv(await report.BuildAsync(fleet, req.From, req.To, ct)), contentType: "text/csv; charset=utf-8", cancellation: ct);
    }
}
