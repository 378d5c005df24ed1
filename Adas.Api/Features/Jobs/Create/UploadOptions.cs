namespace Adas.Api.Features.Jobs.Create;

/// <summary>Bound from the "Uploads" configuration section.</summary>
public sealed class UploadOptions
{
    public const string Section = "Uploads";
    public long MaxBytes { get; set; } = 2L * 1024 * 1024 * 1024;
}
