using Adas.Api.Security;
using Adas.Data;
using Adas.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Adas.Api.Features.Trips;

/// <summary>
/// Checks the driver and vehicle a caller names for a trip: both must be visible to the caller, a driver can only
/// name themselves. The trip's fleet follows from them, never from the request.
/// </summary>
public sealed class TripParties(AdasDbContext db)
{
    public sealed record Result(string? Field, string? Error, Guid? DriverId, Guid? FleetId);

    public async Task<Result> ResolveAsync(CurrentUser caller, Guid? driverId, Guid? vehicleId, CancellationToken ct)
    {
        if (caller.IsDriver && driverId is not null && driverId != caller.Id)
            return new("driverId", "Drivers can only record their own trips.", null, null);
        driverId = caller.IsDriver ? caller.Id : driverId;

        User? driver = null;
        if (driverId is { } id)
        {
            driver = await db.Users.AsNoTracking().VisibleTo(caller).FirstOrDefaultAsync(u => u.Id == id, ct);
            if (driver is null || driver.Role != UserRole.Driver) return new("driverId", "No such driver.", null, null);
        }
        Vehicle? vehicle = null;
        if (vehicleId is { } vid)
        {
            vehicle = await db.Vehicles.AsNoTracking().VisibleTo(caller).FirstOrDefaultAsync(v => v.Id == vid, ct);
            if (vehicle is null) return new("vehicleId", "No such vehicle.", null, null);
        }
        var fleetId = caller.IsAdmin ? driver?.FleetId ?? vehicle?.FleetId : caller.FleetId;
        if (driver is not null && vehicle is not null && vehicle.FleetId is not null && driver.FleetId is not null
            && vehicle.FleetId != driver.FleetId)
            return new("vehicleId", "The vehicle belongs to another fleet than the driver.", null, null);
        return new(null, null, driverId, fleetId);
    }
}
