using Adas.Api.Features.Shared;
using Adas.Api.Security;
using Adas.Data;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;

namespace Adas.Api.Features.Trips.Update;

public sealed class Endpoint(AdasDbContext db, TimeProvider clock) : Endpoint<Request, TripDto>
{
    public override void Configure()
    {
        Put("/trips/{id:guid}");
        Roles(AppRoles.Admin, AppRoles.Manager, AppRoles.Driver);
        Summary(s => s.Summary = "Update a trip (end it, distance, status, notes, vehicle or driver)");
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var caller = CurrentUser.From(User);
        var trip = await db.Trips.VisibleTo(caller).FirstOrDefaultAsync(t => t.Id == req.Id, ct);
        if (trip is null) { await Send.NotFoundAsync(ct); return; }
        if (req.DriverId is not null || req.VehicleId is not null)
        {
            var resolved = await new TripParties(db).ResolveAsync(caller, req.DriverId ?? trip.DriverId, req.VehicleId ?? trip.VehicleId, ct);
            if (resolved.Error is { } error)
            {
                ValidationFailures.Add(new FluentValidation.Results.ValidationFailure(resolved.Field, error));
                ThrowIfAnyErrors();
            }
            trip.DriverId = resolved.DriverId;
            trip.VehicleId = req.VehicleId ?? trip.VehicleId;
            if (caller.IsAdmin) trip.FleetId = resolved.FleetId ?? trip.FleetId;
        }
        var startedAt = req.StartedAt?.ToUniversalTime() ?? trip.StartedAt;
        var endedAt = req.EndedAt?.ToUniversalTime() ?? trip.EndedAt;
        var moved = startedAt != trip.StartedAt || (trip.EndedAt is not null && endedAt != trip.EndedAt);
        if (moved && !caller.IsAdmin && await db.VideoJobs.AnyAsync(j => j.TripId == trip.Id, ct))
        {
            // Its events are dated from the trip's start: moving the trip would move them (and the hours beside them).
            await Send.ResultAsync(Problems.Conflict("A trip's times are frozen once a video is attached to it; an open trip may still be ended."));
            return;
        }
        trip.StartedAt = startedAt;
        trip.EndedAt = endedAt;
        if ((req.StartedAt is not null || req.EndedAt is not null)
            && TripRules.CheckTimes(trip.StartedAt, trip.EndedAt, clock.GetUtcNow().UtcDateTime) is { } invalid)
        {
            ValidationFailures.Add(new FluentValidation.Results.ValidationFailure(invalid.Field, invalid.Error));
            ThrowIfAnyErrors();
        }
        if (req.DistanceKm is { } distance) trip.DistanceKm = distance;
        if (req.Status is { } status) trip.Status = status;
        if (req.Notes is { } notes) trip.Notes = notes;
        await db.SaveChangesAsync(ct);
        await Send.OkAsync(TripDto.From(trip), ct);
    }
}
