using Adas.Api.Queue;
using Adas.Api.OpenApi;
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
public sealed class Endpoint(AdasDbContext db, DataPaths paths, VideoStore store, JobQueue queue, UploadQuota quota,
    JobMetrics metrics,
    IOptions<UploadOptions> options)
    : EndpointWithoutRequest<JobResponse>
{
    public override void Configure()
    {
        Post("/jobs");
        Roles(AppRoles.Admin, AppRoles.Manager, AppRoles.Driver);
        AllowFileUploads(dontAutoBindFormData: true);
        Description(b => b.WithMetadata(new MultipartForm(typeof(UploadForm))).ClearDefaultProduces(200).Produces<JobResponse>(StatusCodes.Status202Accepted).Produces<JobResponse>(StatusCodes.Status200OK));
        Summary(s =>
        {
            s.Summary = "Upload a video for analysis";
            s.Responses[413] = "The upload exceeds the size limit or the caller's storage quota.";
            s.Responses[415] = "The body is not multipart/form-data.";
            s.Responses[429] = "The caller's hourly upload quota is reached (Retry-After).";
            s.Responses[503] = "The job queue is unreachable; nothing was stored (Retry-After).";
            s.Description = "multipart/form-data: file (.mp4 .mov .avi .mkv .webm), videoType (dashcam|in_cabin), optional tripId, vehicleId.";
        });
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        if (!queue.IsReachable)
        {
            // Before the body is read: nothing is stored for an upload that could not be queued now.
            await QueueUnavailable.WriteAsync(HttpContext);
            return;
        }
        var caller = CurrentUser.From(User);
        ReceivedUpload upload;
        try
        {
            if (!caller.IsAdmin) await quota.CheckBeforeUploadAsync(caller.Id, ct);
            upload = await new MultipartUploadReader(paths.Incoming, options.Value.MaxBytes).ReadAsync(HttpContext, ct);
        }
        catch (UploadProblem problem)
        {
            await Send.ResultAsync(problem.ToResult(HttpContext));
            return;
        }

        try
        {
            var (videoType, tripId, vehicleId, fleetId) = await ParseFieldsAsync(upload.Fields, ct);
            Guid? ownerId = caller.Id;
            if (!caller.IsAdmin) await quota.CheckStoredAsync(caller.Id, upload, ct);
            var video = await store.StoreAsync(upload, ct);

            var done = await db.VideoJobs.AsNoTracking().Include(j => j.Video).FirstOrDefaultAsync(j => j.VideoId == video.Id && j.VideoType == videoType
                && j.OwnerId == ownerId && j.Status == JobStatus.Completed, ct);
            if (done is not null)
            {
                await Send.OkAsync(JobResponse.From(done, done.Video!), ct);
                return;
            }

            var job = new VideoJob
            {
                VideoId = video.Id, VideoType = videoType, FileName = upload.FileName, OwnerId = ownerId, TripId = tripId,
                VehicleId = vehicleId, FleetId = fleetId,
            };
            db.VideoJobs.Add(job);
            await db.SaveChangesAsync(ct);
            await EnqueueAsync(job.Id);
            metrics.Queued(videoType, video.SizeBytes);
            await Send.ResultAsync(TypedResults.Accepted($"/api/jobs/{job.Id}", JobResponse.From(job, video)));
        }
        catch (UploadProblem problem)
        {
            await Send.ResultAsync(problem.ToResult(HttpContext));
        }
        finally
        {
            if (File.Exists(upload.TempPath)) File.Delete(upload.TempPath);
        }
    }

    /// <summary>The job row is the record: if Redis went away since the check, the reconciler enqueues it once Redis is back.</summary>
    private async Task EnqueueAsync(Guid jobId)
    {
        try
        {
            await queue.EnqueueAsync(jobId);
        }
        catch (Exception ex) when (QueueUnavailable.IsQueueFailure(ex))
        {
            Logger.LogWarning("Job {JobId} is queued in the database only ({Reason}); the worker's reconciler enqueues it when Redis is back", jobId, ex.Message);
        }
    }

    /// <summary>The job's fleet is fixed here: the trip's, else the vehicle's, else the uploader's.</summary>
    private async Task<(VideoType, Guid?, Guid?, Guid?)> ParseFieldsAsync(IReadOnlyDictionary<string, string> fields, CancellationToken ct)
    {
        var text = fields.GetValueOrDefault("videoType");
        if (text is null || !ApiConventions.TryParseSnakeCase(typeof(VideoType), text, out var parsed) || parsed is not VideoType videoType)
            throw new UploadProblem(400, "Invalid videoType",
                text is null ? "videoType is required: dashcam or in_cabin." : $"videoType '{text}' is not dashcam or in_cabin.");
        var tripId = ParseId(fields, "tripId");
        var vehicleId = ParseId(fields, "vehicleId");
        var user = CurrentUser.From(User);
        Guid? fleetId = user.FleetId;
        if (vehicleId is { } vehicle)
        {
            var found = await db.Vehicles.VisibleTo(user).Where(v => v.Id == vehicle).Select(v => new { v.FleetId }).FirstOrDefaultAsync(ct)
                ?? throw new UploadProblem(400, "Unknown vehicle", $"Vehicle {vehicle} does not exist.");
            fleetId = found.FleetId ?? fleetId;
        }
        if (tripId is { } trip)
        {
            var found = await db.Trips.VisibleTo(user).Where(t => t.Id == trip).Select(t => new { t.FleetId }).FirstOrDefaultAsync(ct)
                ?? throw new UploadProblem(400, "Unknown trip", $"Trip {trip} does not exist.");
            fleetId = found.FleetId ?? fleetId;
        }
        return (videoType, tripId, vehicleId, fleetId);
    }

    private static Guid? ParseId(IReadOnlyDictionary<string, string> fields, string name) =>
        fields.GetValueOrDefault(name) switch
        {
            null or "" => null,
            var text when Guid.TryParse(text, out var id) => id,
            var text => throw new UploadProblem(400, $"Invalid {name}", $"{name} '{text}' is not an id."),
        };
}
