using Adas.Api.Features.Shared;
using Adas.Data;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;

namespace Adas.Api.Features.Jobs.DriverStates;

public sealed class Endpoint(AdasDbContext db) : Endpoint<JobItemsRequest, Paged<DriverStateDto>>
{
    public override void Configure()
    {
        Get("/jobs/{id:guid}/driver-states");
        Summary(s => s.Summary = "The driver's state per second of an in-cabin video");
    }

    public override async Task HandleAsync(JobItemsRequest r, CancellationToken ct)
    {
        if (!await db.CanSeeJobAsync(User, r.Id, ct))
        {
            await Send.NotFoundAsync(ct);
            return;
        }
        await Send.OkAsync((await db.DriverStates.AsNoTracking().Where(s => s.JobId == r.Id).OrderBy(s => s.Second).ThenBy(s => s.Id)
            .ToPageAsync(r, ct)).Map(DriverStateDto.From), ct);
    }
}
