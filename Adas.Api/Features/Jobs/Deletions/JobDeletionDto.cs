using Adas.Data.Entities;

namespace Adas.Api.Features.Jobs.Deletions;

public sealed record JobDeletionDto(Guid Id, Guid JobId, string FileName, string Sha256, VideoType VideoType, JobStatus Status,
    Guid? OwnerId, Guid? TripId, Guid? FleetId, Guid DeletedById, UserRole DeletedByRole, DateTime DeletedAt, int EventCount,
    int AlertCount, int TrafficSignCount, int DriverStateCount)
{
    public static JobDeletionDto From(JobDeletion d) => new(d.Id, d.JobId, d.FileName, d.Sha256, d.VideoType, d.Status, d.OwnerId,
        d.TripId, d.FleetId, d.DeletedById, d.DeletedByRole, d.DeletedAt, d.EventCount, d.AlertCount, d.TrafficSignCount,
        d.DriverStateCount);
}
