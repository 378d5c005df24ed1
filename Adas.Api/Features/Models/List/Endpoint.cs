using Adas.Api.Features.Shared;
using Adas.Data;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;

namespace Adas.Api.Features.Models.List;

public sealed class Endpoint(AdasDbContext db) : Endpoint<Request, Paged<ModelDto>>
{
    public override void Configure()
    {
        Get("/models");
        Summary(s => s.Summary = "Registered model versions, newest first");
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var query = db.ModelVersions.AsNoTracking();
        if (req.Task is { } task) query = query.Where(m => m.Task == task);
        if (req.IsActive is { } active) query = query.Where(m => m.IsActive == active);
        var page = await query.OrderByDescending(m => m.CreatedAt).ThenBy(m => m.Id).ToPageAsync(req, ct);
        await Send.OkAsync(page.Map(ModelDto.From), ct);
    }
}
