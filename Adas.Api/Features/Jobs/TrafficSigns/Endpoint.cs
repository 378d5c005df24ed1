using Adas.Api.Features.Shared;
using Adas.Data;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;

namespace Adas.Api.Features.Jobs.TrafficSigns;

public sealed class Endpoint(AdasDbContext db) : Endpoint<JobItemsRequest, Paged<TrafficSignDto>>
{
    public override void Configure()
    {
        Get("/jobs/{id:guid}/traffic-signs");
        Summary(s => s.Summary = "The traffic signs seen in the job's video, one per physical sign");
    }

    public override async Task HandleAsync(JobItemsRequest r, CancellationToken ct)
    {
        if (!await db.CanSeeJobAsync(User, r.Id, ct))
        {
            await Send.NotFoundAsync(ct);
            return;
        }
        await Send.OkAsync((await db.TrafficSigns.AsNoTracking().Where(s => s.JobId == r.Id).OrderBy(s => s.FirstSeenSeconds).ThenBy(s => s.Id)
            .ToPageAsync(r, ct)).Map(TrafficSignDto.From), ct);
    }
}
