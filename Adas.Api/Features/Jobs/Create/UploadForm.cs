namespace Adas.Api.Features.Jobs.Create;

/// <summary>The upload's form fields, for the API reference (the endpoint reads the multipart body as a stream).</summary>
public sealed class UploadForm
{
    public required IFormFile File { get; init; }
    /// <summary>dashcam or in_cabin.</summary>
    public required string VideoType { get; init; }
    public Guid? TripId { get; init; }
    public Guid? VehicleId { get; init; }
}
