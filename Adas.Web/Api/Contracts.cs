using System.Text.Json;

namespace Adas.Web.Api;

// The API's JSON shapes as the dashboard reads them; enums stay the API's snake_case strings.

public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public sealed record UserDto(Guid Id, string Email, string DisplayName, string Role, Guid? FleetId, bool IsActive,
    DateTime CreatedAt, DateTime? LastLoginAt);

public sealed record TokenResponse(string AccessToken, string RefreshToken, DateTime ExpiresAt, UserDto User);

public sealed record JobDto(Guid Id, string Status, int Progress, string VideoType, string FileName, long SizeBytes,
    double? DurationSeconds, double? Fps, int? Width, int? Height, int Attempts, string? ErrorMessage, Guid? OwnerId,
    Guid? TripId, Guid? VehicleId, DateTime CreatedAt, DateTime? StartedAt, DateTime? CompletedAt, double? ProcessingSeconds,
    JsonElement? Summary);

public sealed record EventDto(Guid Id, Guid JobId, Guid? TripId, Guid? VehicleId, Guid? DriverId, string Type, string Severity,
    double StartSeconds, double EndSeconds, DateTime OccurredAt, string? PeakMetric, double? PeakValue, int? TrackId,
    bool HasSnapshot, bool HasClip, string ReviewState, string? DismissReason, string? ReviewNote, string? CoachingNote,
    DateTime? CoachedAt, DateTime? ReviewedAt);

public sealed record ReviewResult(int Reviewed);

public sealed record ReviewHistoryEntry(Guid Id, string Action, string FromState, string ToState, string? DismissReason, string? Note,
    Guid? ByUserId, string? ByUserName, DateTime At);

public sealed record QualityTally(string Type, string Severity, string? ModelSet, string? RuleSettingsVersion, int Events, int Reviewed,
    int Confirmed, int Dismissed, IReadOnlyDictionary<string, int> DismissedByReason, int AwaitingReview, double? Precision,
    double? PrecisionLow, double? PrecisionHigh);

public sealed record QualityWeek(DateOnly WeekStart, int Events, int Reviewed, int Confirmed, int Dismissed, double? Precision,
    double? PrecisionLow, double? PrecisionHigh);

public sealed record QualityReport(Guid? FleetId, int Events, IReadOnlyList<QualityTally> ByType, IReadOnlyList<QualityTally> BySettings,
    IReadOnlyList<QualityWeek> Weekly);

public sealed record TrafficSignDto(Guid Id, string Kind, string Label, int? SpeedLimitKmh, double FirstSeenSeconds,
    double LastSeenSeconds, double Confidence, int FrameCount);

public sealed record DriverStateDto(int Second, bool FacePresent, double? Ear, double? Mar, double? Perclos, double? Yaw,
    double? Pitch, double? Roll, string State);

public sealed record AlertDto(Guid Id, Guid EventId, Guid JobId, Guid? OwnerId, Guid? DriverId, Guid? VehicleId, string Type,
    string Severity, string Message, string Status, DateTime CreatedAt, DateTime? AcknowledgedAt);

public sealed record AlertHistoryEntry(Guid Id, string Action, Guid? ByUserId, string? ByUserName, string? Note, DateTime At);

public sealed record CameraDto(double HorizontalFovDegrees, double MountHeightMeters);

public sealed record VehicleDto(Guid Id, Guid? FleetId, string Name, string? Plate, string? Make, string? Model, CameraDto Camera);

public sealed record TripDto(Guid Id, Guid? VehicleId, Guid? DriverId, string Status, DateTime StartedAt, DateTime? EndedAt,
    double? DistanceKm, string? Notes);

public sealed record CountBy<T>(T Key, int Count);

public sealed record TripStats(Guid TripId, double DurationHours, double? DistanceKm, int TotalEvents, double? EventsPerHour,
    IReadOnlyList<CountBy<string>> ByType, IReadOnlyList<CountBy<string>> BySeverity);

public sealed record ScoreBreakdown(string Type, string Severity, int Count, int Dismissed, int AwaitingReview, double Weight,
    double SeverityMultiplier, double EventsPerHour, double Penalty);

public sealed record CoachedEvent(Guid EventId, string Type, string Severity, DateTime OccurredAt, string? CoachingNote, DateTime? CoachedAt);

public sealed record DriverScore(Guid DriverId, double Score, string Formula, double HoursDriven, double ScoredHours,
    int TotalEvents, double TotalPenalty, IReadOnlyList<ScoreBreakdown> Breakdown, IReadOnlyList<CoachedEvent> Coached);

public sealed record ModelDto(Guid Id, string Task, string Version, string FileName, long SizeBytes, string? InputShape,
    string? OutputShape, bool IsActive, DateTime CreatedAt);
