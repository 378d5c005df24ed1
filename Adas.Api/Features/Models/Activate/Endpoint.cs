using Adas.Api.Features.Shared;
using Adas.Api.Security;
using Adas.Data;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;

namespace Adas.Api.Features.Models.Activate;

/// <summary>Makes this version the one active model of its task (the previous one is deactivated in the same transaction).</summary>
public sealed class Endpoint(AdasDbContext db) : Endpoint<IdRequest, ModelDto>
{
    public override void Configure()
    {
        Post("/models/{id:guid}/activate");
        Roles(AppRoles.Admin);
        Summary(s => s.Summary = "Activate a model version for its task (admins)");
    }

    public override async Task HandleAsync(IdRequest req, CancellationToken ct)
    {
        var model = await db.ModelVersions.AsNoTracking().FirstOrDefaultAsync(m => m.Id == req.Id, ct);
        if (model is null) { await Send.NotFoundAsync(ct); return; }
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.ModelVersions.Where(m => m.Task == model.Task && m.IsActive && m.Id != model.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.IsActive, false), ct);
            await db.ModelVersions.Where(m => m.Id == model.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.IsActive, true), ct);
            await transaction.CommitAsync(ct);
        });
        model.IsActive = true;
        await Send.OkAsync(ModelDto.From(model), ct);
    }
}
