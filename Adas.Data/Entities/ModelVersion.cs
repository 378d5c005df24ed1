namespace Adas.Data.Entities;

/// <summary>An ONNX model file registered for a perception task; one version per task is active.</summary>
public sealed class ModelVersion
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public ModelTask Task { get; set; }
    public required string Version { get; set; }
    public required string FileName { get; set; }
    public required string StoragePath { get; set; }
    public required string Sha256 { get; set; }
    public long SizeBytes { get; set; }
    public string? InputShape { get; set; }
    public string? OutputShape { get; set; }
    public bool IsActive { get; set; }
    public Guid? UploadedById { get; set; }
    public User? UploadedBy { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
}
