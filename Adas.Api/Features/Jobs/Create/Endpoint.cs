using Adas.Api.Security;
using Adas.Api.Extensions;
using Adas.Data;
using Adas.Data.Entities;
using Adas.Data.Queue;
using Adas.Data.Telemetry;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Adas.Api.Features.Jobs.Create;

/// <summary>
/// Uploads a video (multipart: <c>file</c>, <c>videoType</c> = dashcam|in_cabin, optional <c>tripId</c>,
/// <c>vehicleId</c>) and queues its analysis: 202 with the job, or 200 with the finished job when the same
/// content of the same type was already analysed for the same owner.
/// </summary>
public sealed class Endpoint(AdasDbContext db, DataPaths paths, VideoStore store, JobQueue queue, JobMetrics metrics,
    IOptions<UploadOptions> options)
    : EndpointWithoutRequest<JobResponse>
{
    public override void Configure()
    {
        Post("/jobs");
        Roles(AppRoles.Admin, AppRoles.Manager, AppRoles.Driver);
        AllowFileUploads(dontAutoBindFormData: true);
        Summary(s =>
        {
            s.Summary = "Upload a video for analysis";
            s.Description = "multipart/form-data: file (.mp4 .mov .avi .mkv .webm), videoType (dashcam|in_cabin), optional tripId, vehicleId.";
        });
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        ReceivedUpload upload;
        try
        {
            upload = await new MultipartUploadReader(paths.Incoming, options.Value.MaxBytes).ReadAsync(HttpContext, ct);
        }
        catch (UploadProblem problem)
        {
            await Send.ResultAsync(problem.ToResult());
            return;
        }

        try
        {
            var (videoType, tripId, vehicleId) = await ParseFieldsAsync(upload.Fields, ct);
            Guid? ownerId = CurrentUser.From(User).Id;
            var video = await store.StoreAsync(upload, ct);

            var done = await db.VideoJobs.AsNoTracking().Include(j => j.Video).FirstOrDefaultAsync(j => j.VideoId == video.Id && j.VideoType == videoType
                && j.OwnerId == ownerId && j.Status == JobStatus.Completed, ct);
            if (done is not null)
            {
                await Send.OkAsync(JobResponse.From(done, done.Video!), ct);
                return;
            }

            var job = new VideoJob { VideoId = video.Id, VideoType = videoType, FileName = upload.FileName, OwnerId = ownerId, TripId = tripId, VehicleId = vehicleId };
            db.VideoJobs.Add(job);
            await db.SaveChangesAsync(ct);
            await queue.EnqueueAsync(job.Id);
            metrics.Queued(videoType, video.SizeBytes);
            await Send.ResultAsync(TypedResults.Accepted($"/api/jobs/{job.Id}", JobResponse.From(job, video)));
        }
        catch (UploadProblem problem)
        {
            await Send.ResultAsync(problem.ToResult());
        }
        finally
        {
            if (File.Exists(upload.TempPath)) File.Delete(upload.TempPath);
        }
    }

    private async Task<(VideoType, Guid?, Guid?)> ParseFieldsAsync(IReadOnlyDictionary<string, string> fields, CancellationToken ct)
    {
        var text = fields.GetValueOrDefault("videoType");
        if (text is null || !ApiConventions.TryParseSnakeCase(typeof(VideoType), text, out var parsed) || parsed is not VideoType videoType)
            throw new UploadProblem(400, "Invalid videoType",
                text is null ? "videoType is required: dashcam or in_cabin." : $"videoType '{text}' is not dashcam or in_cabin.");
        var tripId = ParseId(fields, "tripId");
        var vehicleId = ParseId(fields, "vehicleId");
        var user = CurrentUser.From(User);
        if (tripId is { } trip && !await db.Trips.VisibleTo(user).AnyAsync(t => t.Id == trip, ct))
            throw new UploadProblem(400, "Unknown trip", $"Trip {trip} does not exist.");
        if (vehicleId is { } vehicle && !await db.Vehicles.VisibleTo(user).AnyAsync(v => v.Id == vehicle, ct))
            throw new UploadProblem(400, "Unknown vehicle", $"Vehicle {vehicle} does not exist.");
        return (videoType, tripId, vehicleId);
    }

    private static Guid? ParseId(IReadOnlyDictionary<string, string> fields, string name) =>
        fields.GetValueOrDefault(name) switch
        {
            null or "" => null,
            var text when Guid.TryParse(text, out var id) => id,
            var text => throw new UploadProblem(400, $"Invalid {name}", $"{name} '{text}' is not an id."),
        };
}
