using Adas.Api.Security;
using Adas.Data;
using Adas.Data.Entities;
using FastEndpoints;

namespace Adas.Api.Features.Trips.Create;

public sealed class Endpoint(AdasDbContext db, TimeProvider clock) : Endpoint<Request, TripDto>
{
    public override void Configure()
    {
        Post("/trips");
        Roles(AppRoles.Admin, AppRoles.Manager, AppRoles.Driver);
        Description(b => b.ClearDefaultProduces(200).Produces<TripDto>(StatusCodes.Status201Created));
        Summary(s => s.Summary = "Record a trip (managers for their fleet's drivers, drivers for themselves)");
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var caller = CurrentUser.From(User);
        var resolved = await new TripParties(db).ResolveAsync(caller, req.DriverId, req.VehicleId, ct);
        if (resolved.Error is { } error)
        {
            ValidationFailures.Add(new FluentValidation.Results.ValidationFailure(resolved.Field, error));
            ThrowIfAnyErrors();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var startedAt = req.StartedAt?.ToUniversalTime() ?? now;
        if (TripRules.CheckTimes(startedAt, req.EndedAt?.ToUniversalTime(), now) is { } invalid)
        {
            ValidationFailures.Add(new FluentValidation.Results.ValidationFailure(invalid.Field, invalid.Error));
            ThrowIfAnyErrors();
        }
        var trip = new Trip
        {
            VehicleId = req.VehicleId, DriverId = resolved.DriverId, FleetId = resolved.FleetId, StartedAt = startedAt,
            EndedAt = req.EndedAt?.ToUniversalTime(), DistanceKm = req.DistanceKm, Notes = req.Notes,
            Status = req.Status ?? (req.EndedAt is null ? TripStatus.Active : TripStatus.Completed),
        };
        db.Trips.Add(trip);
        await db.SaveChangesAsync(ct);
        await Send.CreatedAtAsync<Get.Endpoint>(new { id = trip.Id }, TripDto.From(trip), cancellation: ct);
    }
}
