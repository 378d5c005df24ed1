namespace Adas.Data.Entities;

/// <summary>One physical sign, confirmed over several frames.</summary>
public sealed class TrafficSign
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid JobId { get; set; }
    public VideoJob? Job { get; set; }
    public required string Kind { get; set; }
    public required string Label { get; set; }
    public int? ClassId { get; set; }
    public int? SpeedLimitKmh { get; set; }
    public double FirstSeenSeconds { get; set; }
    public double LastSeenSeconds { get; set; }
    public double Confidence { get; set; }
    public int FrameCount { get; set; }
    public int? TrackId { get; set; }
}
