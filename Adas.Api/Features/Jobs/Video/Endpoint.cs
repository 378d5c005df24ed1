using Adas.Api.Features.Shared;
using Adas.Data;
using Adas.Data.Entities;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;

namespace Adas.Api.Features.Jobs.Video;

public sealed class Endpoint(AdasDbContext db) : Endpoint<JobRoute>
{
    public override void Configure()
    {
        Get("/jobs/{id:guid}/video");
        Description(b => b.ClearDefaultProduces(204).Produces(StatusCodes.Status200OK, typeof(Stream), "video/mp4").Produces(StatusCodes.Status206PartialContent, typeof(Stream), "video/mp4"));
        Summary(s =>
        {
            s.Summary = "The annotated H.264 MP4 (supports HTTP Range); 409 until the job has completed";
            s.Responses[409] = "The job has not completed yet.";
        });
    }

    public override async Task HandleAsync(JobRoute r, CancellationToken ct)
    {
        var job = await db.JobsVisibleTo(User).FirstOrDefaultAsync(j => j.Id == r.Id, ct);
        if (job is null)
        {
            await Send.NotFoundAsync(ct);
            return;
        }
        if (job.Status != JobStatus.Completed || job.AnnotatedVideoPath is not { } path || !File.Exists(path))
        {
            await Send.ResultAsync(Problems.Conflict(
                $"The annotated video exists once the job has completed; the job is {job.Status.ToString().ToLowerInvariant()}."));
            return;
        }
        var downloadName = Path.GetFileNameWithoutExtension(job.FileName) + "_annotated.mp4";
        await Send.ResultAsync(TypedResults.PhysicalFile(path, "video/mp4", downloadName, enableRangeProcessing: true));
    }
}
