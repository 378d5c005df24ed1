using Adas.Api.Features.Shared;
using Adas.Api.Security;
using Adas.Data;
using Adas.Data.Entities;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;

namespace Adas.Api.Features.Fleets.Create;

public sealed class Endpoint(AdasDbContext db) : Endpoint<Request, FleetDto>
{
    public override void Configure()
    {
        Post("/fleets");
        Roles(AppRoles.Admin);
        Description(b => b.ClearDefaultProduces(200).Produces<FleetDto>(StatusCodes.Status201Created));
        Summary(s =>
        {
            s.Summary = "Create a fleet (admins)";
            s.Responses[409] = "A fleet with this name exists.";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var name = req.Name.Trim();
        if (await db.Fleets.AnyAsync(f => f.Name == name, ct))
        { await Send.ResultAsync(Problems.Conflict("A fleet with this name exists.")); return; }
        var fleet = new Fleet { Name = name };
        db.Fleets.Add(fleet);
        await db.SaveChangesAsync(ct);
        await Send.ResultAsync(TypedResults.Created($"/api/fleets/{fleet.Id}", FleetDto.From(fleet)));
    }
}
