using Adas.Api.Features.Shared;
using Adas.Data.Entities;

namespace Adas.Api.Features.Trips.Stats;

/// <summary>Events of one trip by type and severity, and per hour of driving (end - start; now for an open trip).</summary>
public sealed record Response(Guid TripId, double DurationHours, double? DistanceKm, int TotalEvents, double? EventsPerHour,
    IReadOnlyList<CountBy<string>> ByType, IReadOnlyList<CountBy<Severity>> BySeverity);
