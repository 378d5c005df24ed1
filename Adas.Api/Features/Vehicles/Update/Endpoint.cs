using Adas.Api.Features.Shared;
using Adas.Api.Security;
using Adas.Data;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;

namespace Adas.Api.Features.Vehicles.Update;

public sealed class Endpoint(AdasDbContext db) : Endpoint<Request, VehicleDto>
{
    public override void Configure()
    {
        Put("/vehicles/{id:guid}");
        Roles(AppRoles.Admin, AppRoles.Manager);
        Summary(s =>
        {
            s.Summary = "Update a vehicle or its camera model";
            s.Responses[409] = "A vehicle with this plate exists.";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var caller = CurrentUser.From(User);
        var vehicle = await db.Vehicles.VisibleTo(caller).FirstOrDefaultAsync(v => v.Id == req.Id, ct);
        if (vehicle is null) { await Send.NotFoundAsync(ct); return; }
        if (req.FleetId is { } fleet && fleet != vehicle.FleetId)
        {
            if (!caller.IsAdmin) { await Send.ResultAsync(Problems.Forbidden("Only admins move vehicles between fleets.")); return; }
            if (!await db.Fleets.AnyAsync(f => f.Id == fleet, ct)) ThrowError(r => r.FleetId, "No such fleet.");
            vehicle.FleetId = fleet;
        }
        if (req.Plate?.Trim().ToUpperInvariant() is { } plate && plate != vehicle.Plate)
        {
            if (await db.Vehicles.AnyAsync(v => v.Plate == plate, ct))
            { await Send.ResultAsync(Problems.Conflict("A vehicle with this plate exists.")); return; }
            vehicle.Plate = plate;
        }
        if (req.Name is { } name) vehicle.Name = name.Trim();
        if (req.Make is { } make) vehicle.Make = make.Trim();
        if (req.Model is { } model) vehicle.Model = model.Trim();
        if (req.CameraHorizontalFovDegrees is { } fov) vehicle.CameraHorizontalFovDegrees = fov;
        if (req.CameraMountHeightMeters is { } height) vehicle.CameraMountHeightMeters = height;
        await db.SaveChangesAsync(ct);
        await Send.OkAsync(VehicleDto.From(vehicle), ct);
    }
}
