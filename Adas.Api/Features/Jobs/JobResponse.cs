using System.Text.Json;
using Adas.Data.Entities;

namespace Adas.Api.Features.Jobs;

/// <summary>The public shape of a video-analysis job.</summary>
public sealed record JobResponse(
    Guid Id,
    JobStatus Status,
    int Progress,
    VideoType VideoType,
    string FileName,
    long SizeBytes,
    string Sha256,
    double? DurationSeconds,
    double? Fps,
    int? Width,
    int? Height,
    int Attempts,
    string? ErrorMessage,
    Guid? OwnerId,
    Guid? TripId,
    Guid? VehicleId,
    DateTime CreatedAt,
    DateTime? StartedAt,
    DateTime? CompletedAt,
    double? ProcessingSeconds,
    JsonElement? Summary)
{
    public static JobResponse From(VideoJob job, StoredVideo video) => new(job.Id, job.Status, job.Progress, job.VideoType,
        job.FileName, video.SizeBytes, video.Sha256, video.DurationSeconds, video.Fps, video.Width, video.Height,
        job.Attempts, job.ErrorMessage, job.OwnerId, job.TripId, job.VehicleId, job.CreatedAt, job.StartedAt,
        job.CompletedAt, job.ProcessingSeconds,
        job.SummaryJson is null ? null : JsonSerializer.Deserialize<JsonElement>(job.SummaryJson));
}
