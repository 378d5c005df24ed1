namespace Adas.Data.Entities;

/// <summary>Raised from a warning or critical event for people to review and acknowledge.</summary>
public sealed class Alert
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EventId { get; set; }
    public SafetyEvent? Event { get; set; }
    public Guid JobId { get; set; }
    public Guid? OwnerId { get; set; }
    public Guid? DriverId { get; set; }
    public Guid? VehicleId { get; set; }
    public Guid? FleetId { get; set; }
    public required string Type { get; set; }
    public Severity Severity { get; set; }
    public required string Message { get; set; }
    public AlertStatus Status { get; set; } = AlertStatus.Open;
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public DateTime? AcknowledgedAt { get; set; }
    public Guid? AcknowledgedById { get; set; }
    public List<AlertHistory> History { get; set; } = [];
}
