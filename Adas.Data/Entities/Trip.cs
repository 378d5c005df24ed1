namespace Adas.Data.Entities;

public sealed class Trip
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid? VehicleId { get; set; }
    public Vehicle? Vehicle { get; set; }
    public Guid? DriverId { get; set; }
    public User? Driver { get; set; }
    public Guid? FleetId { get; set; }
    public TripStatus Status { get; set; } = TripStatus.Planned;
    public DateTime StartedAt { get; set; } = DateTime.UtcNow;
    public DateTime? EndedAt { get; set; }
    public double? DistanceKm { get; set; }
    public string? Notes { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
}
