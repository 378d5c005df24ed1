using System.Text.Json;
using Adas.Data.Entities;

namespace Adas.Data.Results;

/// <summary>The public shape of a safety event, shared by the API and the command-line <c>analyze</c> output.</summary>
public sealed record SafetyEventView(
    Guid Id,
    Guid JobId,
    Guid? TripId,
    Guid? VehicleId,
    Guid? DriverId,
    string Type,
    string Severity,
    double StartSeconds,
    double EndSeconds,
    double DurationSeconds,
    DateTime OccurredAt,
    string? PeakMetric,
    double? PeakValue,
    int? TrackId,
    JsonElement? Details,
    bool HasSnapshot,
    bool HasClip)
{
    public static SafetyEventView From(SafetyEvent e) => new(e.Id, e.JobId, e.TripId, e.VehicleId, e.DriverId, e.Type,
        e.Severity.ToString().ToLowerInvariant(), e.StartSeconds, e.EndSeconds, Math.Round(e.EndSeconds - e.StartSeconds, 3),
        e.OccurredAt, e.PeakMetric, e.PeakValue, e.TrackId,
        e.DetailsJson is null ? null : JsonSerializer.Deserialize<JsonElement>(e.DetailsJson), e.SnapshotPath is not null,
        e.ClipPath is not null);
}
