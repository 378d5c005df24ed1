using System.Text.Json;
using Adas.Data.Entities;

namespace Adas.Api.Features.Events;

public sealed record EventDto(Guid Id, Guid JobId, Guid? TripId, Guid? VehicleId, Guid? DriverId, string Type, Severity Severity,
    double StartSeconds, double EndSeconds, DateTime OccurredAt, string? PeakMetric, double? PeakValue, int? TrackId,
    JsonElement? Details, bool HasSnapshot, bool HasClip)
{
    public static EventDto From(SafetyEvent e) => new(e.Id, e.JobId, e.TripId, e.VehicleId, e.DriverId, e.Type, e.Severity,
        e.StartSeconds, e.EndSeconds, e.OccurredAt, e.PeakMetric, e.PeakValue, e.TrackId, ParseDetails(e.DetailsJson),
        e.SnapshotPath is not null, e.ClipPath is not null);

    private static JsonElement? ParseDetails(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try { return JsonDocument.Parse(json).RootElement.Clone(); }
        catch (JsonException) { return null; }
    }
}
