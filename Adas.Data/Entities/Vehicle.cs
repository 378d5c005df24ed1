namespace Adas.Data.Entities;

public sealed class Vehicle
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid? FleetId { get; set; }
    public Fleet? Fleet { get; set; }
    public required string Name { get; set; }
    public string? Plate { get; set; }
    public string? Make { get; set; }
    public string? Model { get; set; }
    public double CameraHorizontalFovDegrees { get; set; } = 60;
    public double CameraMountHeightMeters { get; set; } = 1.3;
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
}
