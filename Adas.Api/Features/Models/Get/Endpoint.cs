using Adas.Api.Features.Shared;
using Adas.Data;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;

namespace Adas.Api.Features.Models.Get;

public sealed class Endpoint(AdasDbContext db) : Endpoint<IdRequest, ModelDto>
{
    public override void Configure()
    {
        Get("/models/{id:guid}");
        Summary(s => s.Summary = "One registered model version");
    }

    public override async Task HandleAsync(IdRequest req, CancellationToken ct)
    {
        var model = await db.ModelVersions.AsNoTracking().FirstOrDefaultAsync(m => m.Id == req.Id, ct);
        if (model is null) await Send.NotFoundAsync(ct);
        else await Send.OkAsync(ModelDto.From(model), ct);
    }
}
