using Adas.Api.Features.Shared;
using Adas.Api.Security;
using Adas.Data;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;

namespace Adas.Api.Features.Alerts.List;

public sealed class Endpoint(AdasDbContext db) : Endpoint<Request, Paged<AlertDto>>
{
    public override void Configure()
    {
        Get("/alerts");
        Summary(s => s.Summary = "Alerts the caller may see, newest first");
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var query = db.Alerts.AsNoTracking().VisibleTo(CurrentUser.From(User));
        if (req.Status is { } status) query = query.Where(a => a.Status == status);
        if (req.Severity is { } severity) query = query.Where(a => a.Severity == severity);
        if (req.Type is { Length: > 0 } type) query = query.Where(a => a.Type == type);
        if (req.DriverId is { } driver) query = query.Where(a => a.DriverId == driver);
        if (req.VehicleId is { } vehicle) query = query.Where(a => a.VehicleId == vehicle);
        if (req.JobId is { } job) query = query.Where(a => a.JobId == job);
        if (req.From is { } from) query = query.Where(a => a.CreatedAt >= from.ToUniversalTime());
        if (req.To is { } to) query = query.Where(a => a.CreatedAt < to.ToUniversalTime());
        var page = await query.OrderByDescending(a => a.CreatedAt).ThenBy(a => a.Id).ToPageAsync(req, ct);
        await Send.OkAsync(page.Map(AlertDto.From), ct);
    }
}
