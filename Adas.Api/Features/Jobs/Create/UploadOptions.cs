namespace Adas.Api.Features.Jobs.Create;

/// <summary>Bound from the "Uploads" configuration section.</summary>
public sealed class UploadOptions
{
    public const string Section = "Uploads";
    public long MaxBytes { get; set; } = 2L * 1024 * 1024 * 1024;
    /// <summary>Bytes of stored video a user's jobs may hold together (each distinct video counted once). Admins are exempt from both quotas.</summary>
    public long MaxStoredBytesPerUser { get; set; } = 20L * 1024 * 1024 * 1024;
    public int JobsPerHourPerUser { get; set; } = 60;
}
