using Adas.Api.Features.Shared;
using Adas.Api.Security;
using Adas.Data;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;

namespace Adas.Api.Features.Alerts.Get;

public sealed class Endpoint(AdasDbContext db) : Endpoint<IdRequest, AlertDto>
{
    public override void Configure()
    {
        Get("/alerts/{id:guid}");
        Summary(s => s.Summary = "One alert");
    }

    public override async Task HandleAsync(IdRequest req, CancellationToken ct)
    {
        var alert = await db.Alerts.AsNoTracking().VisibleTo(CurrentUser.From(User)).FirstOrDefaultAsync(a => a.Id == req.Id, ct);
        if (alert is null) await Send.NotFoundAsync(ct);
        else await Send.OkAsync(AlertDto.From(alert), ct);
    }
}
