using Adas.Api.Features.Shared;
using Adas.Data;
using Adas.Data.Results;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;

namespace Adas.Api.Features.Jobs.Events;

public sealed class Endpoint(AdasDbContext db) : Endpoint<JobItemsRequest, Paged<SafetyEventView>>
{
    public override void Configure()
    {
        Get("/jobs/{id:guid}/events");
        Summary(s => s.Summary = "The job's safety events (episodes), in video order");
    }

    public override async Task HandleAsync(JobItemsRequest r, CancellationToken ct)
    {
        if (!await db.CanSeeJobAsync(User, r.Id, ct))
        {
            await Send.NotFoundAsync(ct);
            return;
        }
        var page = await db.SafetyEvents.AsNoTracking().Where(e => e.JobId == r.Id).OrderBy(e => e.StartSeconds).ThenBy(e => e.Id).ToPageAsync(r, ct);
        await Send.OkAsync(page.Map(SafetyEventView.From), ct);
    }
}
