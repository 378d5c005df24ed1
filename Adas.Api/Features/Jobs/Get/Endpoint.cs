using Adas.Data;
using FastEndpoints;

namespace Adas.Api.Features.Jobs.Get;

public sealed class Endpoint(AdasDbContext db) : Endpoint<JobRoute, JobResponse>
{
    public override void Configure()
    {
        Get("/jobs/{id:guid}");
        Summary(s => s.Summary = "A job: status, progress, video facts, attempts, error and summary");
    }

    public override async Task HandleAsync(JobRoute r, CancellationToken ct)
    {
        if (await db.FindResponseAsync(User, r.Id, ct) is { } job) await Send.OkAsync(job, ct);
        else await Send.NotFoundAsync(ct);
    }
}
