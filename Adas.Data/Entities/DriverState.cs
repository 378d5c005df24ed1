namespace Adas.Data.Entities;

/// <summary>The driver's state over one second of in-cabin video.</summary>
public sealed class DriverState
{
    public long Id { get; set; }
    public Guid JobId { get; set; }
    public VideoJob? Job { get; set; }
    public int Second { get; set; }
    public bool FacePresent { get; set; }
    public double? Ear { get; set; }
    public double? Mar { get; set; }
    public double? Perclos { get; set; }
    public double? Yaw { get; set; }
    public double? Pitch { get; set; }
    public double? Roll { get; set; }
    public required string State { get; set; }
}
