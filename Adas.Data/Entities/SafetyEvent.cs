namespace Adas.Data.Entities;

/// <summary>One episode (start to end) of a safety rule being met, never a per-frame row.</summary>
public sealed class SafetyEvent
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid JobId { get; set; }
    public VideoJob? Job { get; set; }
    public Guid? TripId { get; set; }
    public Guid? VehicleId { get; set; }
    public Guid? DriverId { get; set; }
    /// <summary>The job's fleet, copied when the event is written.</summary>
    public Guid? FleetId { get; set; }
    public required string Type { get; set; }
    public Severity Severity { get; set; }
    public double StartSeconds { get; set; }
    public double EndSeconds { get; set; }
    public DateTime OccurredAt { get; set; }
    public string? PeakMetric { get; set; }
    public double? PeakValue { get; set; }
    public int? TrackId { get; set; }
    public string? DetailsJson { get; set; }
    public string? SnapshotPath { get; set; }
    /// <summary>The short H.264 clip around a warning or critical event, cut from the annotated video; null when none was cut.</summary>
    public string? ClipPath { get; set; }

    public ReviewState ReviewState { get; set; } = ReviewState.NotRequired;
    /// <summary>Set only while the event is dismissed.</summary>
    public DismissReason? DismissReason { get; set; }
    public string? ReviewNote { get; set; }
    public string? CoachingNote { get; set; }
    public DateTime? CoachedAt { get; set; }
    public Guid? ReviewedById { get; set; }
    public DateTime? ReviewedAt { get; set; }

    /// <summary>The state an event starts in: warnings and criticals need a person's verdict, info events do not.</summary>
    public static ReviewState InitialReviewState(Severity severity) =>
        severity >= Severity.Warning ? ReviewState.NeedsReview : ReviewState.NotRequired;
}
