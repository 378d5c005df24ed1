namespace Adas.Data.Entities;

/// <summary>
/// Audit record of a deleted job: who deleted what and how much evidence went with it. Kept when the job, its
/// uploader or the deleting user are gone, so ids are plain values, not foreign keys.
/// </summary>
public sealed class JobDeletion
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid JobId { get; set; }
    public required string FileName { get; set; }
    public required string Sha256 { get; set; }
    public VideoType VideoType { get; set; }
    public JobStatus Status { get; set; }
    public Guid? OwnerId { get; set; }
    public Guid? TripId { get; set; }
    public Guid? FleetId { get; set; }
    public Guid DeletedById { get; set; }
    public UserRole DeletedByRole { get; set; }
    public DateTime DeletedAt { get; set; } = DateTime.UtcNow;
    public int EventCount { get; set; }
    public int AlertCount { get; set; }
    public int TrafficSignCount { get; set; }
    public int DriverStateCount { get; set; }
}
