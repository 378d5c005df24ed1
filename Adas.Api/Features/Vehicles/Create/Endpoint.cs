using Adas.Api.Features.Shared;
using Adas.Api.Security;
using Adas.Data;
using Adas.Data.Entities;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;

namespace Adas.Api.Features.Vehicles.Create;

public sealed class Endpoint(AdasDbContext db) : Endpoint<Request, VehicleDto>
{
    public override void Configure()
    {
        Post("/vehicles");
        Roles(AppRoles.Admin, AppRoles.Manager);
        Description(b => b.ClearDefaultProduces(200).Produces<VehicleDto>(StatusCodes.Status201Created));
        Summary(s =>
        {
            s.Summary = "Register a vehicle and its camera (admins; managers in their fleet)";
            s.Responses[409] = "A vehicle with this plate exists.";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var caller = CurrentUser.From(User);
        var fleetId = req.FleetId;
        if (caller.IsManager)
        {
            if (caller.FleetId is null || (fleetId is not null && fleetId != caller.FleetId))
            { await Send.ResultAsync(Problems.Forbidden("Managers can only add vehicles to their own fleet.")); return; }
            fleetId = caller.FleetId;
        }
        else if (fleetId is { } fleet && !await db.Fleets.AnyAsync(f => f.Id == fleet, ct))
            ThrowError(r => r.FleetId, "No such fleet.");
        var plate = req.Plate?.Trim().ToUpperInvariant();
        if (plate is not null && await db.Vehicles.AnyAsync(v => v.Plate == plate, ct))
        { await Send.ResultAsync(Problems.Conflict("A vehicle with this plate exists.")); return; }

        var vehicle = new Vehicle
        {
            Name = req.Name.Trim(), Plate = plate, Make = req.Make?.Trim(), Model = req.Model?.Trim(), FleetId = fleetId,
            CameraHorizontalFovDegrees = req.CameraHorizontalFovDegrees, CameraMountHeightMeters = req.CameraMountHeightMeters,
        };
        db.Vehicles.Add(vehicle);
        await db.SaveChangesAsync(ct);
        await Send.CreatedAtAsync<Get.Endpoint>(new { id = vehicle.Id }, VehicleDto.From(vehicle), cancellation: ct);
    }
}
