using Adas.Api.Security;
using Adas.Data;
using FastEndpoints;

namespace Adas.Api.Features.Jobs.Get;

/// <summary>A job; a finished one is served from <see cref="FinishedJobCache"/> and carries an ETag (304 on If-None-Match).</summary>
public sealed class Endpoint(AdasDbContext db, FinishedJobCache finished) : Endpoint<JobRoute, JobResponse>
{
    public override void Configure()
    {
        Get("/jobs/{id:guid}");
        Summary(s => s.Summary = "A job: status, progress, video facts, attempts, error and summary (ETag once finished)");
    }

    public override async Task HandleAsync(JobRoute r, CancellationToken ct)
    {
        var caller = CurrentUser.From(User);
        if (!finished.TryGet(caller.Id, r.Id, out var job))
        {
            job = await db.FindResponseAsync(User, r.Id, ct);
            if (job is null)
            {
                await Send.NotFoundAsync(ct);
                return;
            }
            finished.Remember(caller.Id, job);
        }
        if (FinishedJobCache.ETag(job!) is { } etag)
        {
            HttpContext.Response.Headers.ETag = etag;
            HttpContext.Response.Headers.CacheControl = "private, no-cache";
            if (HttpContext.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Any(t => t.Trim() == etag)))
            {
                await Send.ResultAsync(TypedResults.StatusCode(StatusCodes.Status304NotModified));
                return;
            }
        }
        await Send.OkAsync(job!, ct);
    }
}
