using Adas.Data;
using Adas.Data.Results;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;

namespace Adas.Api.Features.Jobs.Events;

public sealed class Endpoint(AdasDbContext db) : Endpoint<JobRoute, IReadOnlyList<SafetyEventView>>
{
    public override void Configure()
    {
        Get("/jobs/{id:guid}/events");
        Summary(s => s.Summary = "The job's safety events (episodes), in video order");
    }

    public override async Task HandleAsync(JobRoute r, CancellationToken ct)
    {
        if (!await db.CanSeeJobAsync(User, r.Id, ct))
        {
            await Send.NotFoundAsync(ct);
            return;
        }
        var events = await db.SafetyEvents.AsNoTracking().Where(e => e.JobId == r.Id).OrderBy(e => e.StartSeconds).ToListAsync(ct);
        await Send.OkAsync([.. events.Select(SafetyEventView.From)], ct);
    }
}
