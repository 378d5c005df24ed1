namespace Adas.Data.Entities;

/// <summary>An uploaded file, stored once per content (unique SHA-256) whatever the number of jobs on it.</summary>
public sealed class StoredVideo
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Sha256 { get; set; }
    public long SizeBytes { get; set; }
    public required string StoragePath { get; set; }
    public required string Container { get; set; }
    public double? DurationSeconds { get; set; }
    public double? Fps { get; set; }
    public int? Width { get; set; }
    public int? Height { get; set; }
    public int? FrameCount { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
}
