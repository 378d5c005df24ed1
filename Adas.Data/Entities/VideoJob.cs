namespace Adas.Data.Entities;

public sealed class VideoJob
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid VideoId { get; set; }
    public StoredVideo? Video { get; set; }
    public Guid? OwnerId { get; set; }
    public User? Owner { get; set; }
    public Guid? TripId { get; set; }
    public Trip? Trip { get; set; }
    public Guid? VehicleId { get; set; }
    public Vehicle? Vehicle { get; set; }
    /// <summary>Fixed at upload (the trip's, else the vehicle's, else the uploader's fleet): moving a user later does not move the job.</summary>
    public Guid? FleetId { get; set; }
    public VideoType VideoType { get; set; }
    public JobStatus Status { get; set; } = JobStatus.Queued;
    public int Progress { get; set; }
    public int Attempts { get; set; }
    public string? ErrorMessage { get; set; }
    public required string FileName { get; set; }
    public string? AnnotatedVideoPath { get; set; }
    public string? SummaryJson { get; set; }
    public string? WorkerId { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public DateTime? StartedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
    public double? ProcessingSeconds { get; set; }
}
