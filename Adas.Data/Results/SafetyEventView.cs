using System.Text.Json;
using Adas.Data.Entities;

namespace Adas.Data.Results;

/// <summary>
/// The one public shape of a safety event: every API endpoint that answers with events and the command-line
/// <c>analyze</c> output use it.
/// </summary>
public sealed record SafetyEventView(
    Guid Id,
    Guid JobId,
    Guid? TripId,
    Guid? VehicleId,
    Guid? DriverId,
    string Type,
    Severity Severity,
    double StartSeconds,
    double EndSeconds,
    double DurationSeconds,
    DateTime OccurredAt,
    string? PeakMetric,
    double? PeakValue,
    int? TrackId,
    JsonElement? Details,
    bool HasSnapshot,
    bool HasClip,
    ReviewState ReviewState,
    DismissReason? DismissReason,
    string? ReviewNote,
    string? CoachingNote,
    DateTime? CoachedAt,
    Guid? ReviewedById,
    DateTime? ReviewedAt)
{
    public static SafetyEventView From(SafetyEvent e) => new(e.Id, e.JobId, e.TripId, e.VehicleId, e.DriverId, e.Type,
        e.Severity, e.StartSeconds, e.EndSeconds, Math.Round(e.EndSeconds - e.StartSeconds, 3),
        e.OccurredAt, e.PeakMetric, e.PeakValue, e.TrackId, ParseDetails(e.DetailsJson), e.SnapshotPath is not null,
        e.ClipPath is not null, e.ReviewState, e.DismissReason, e.ReviewNote, e.CoachingNote, e.CoachedAt, e.ReviewedById,
        e.ReviewedAt);

    // Details are written by the worker; a row from an older or damaged writer still lists, without its details.
    private static JsonElement? ParseDetails(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try { return JsonDocument.Parse(json).RootElement.Clone(); }
        catch (JsonException) { return null; }
    }
}
