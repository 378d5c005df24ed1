using Adas.Api.Features.Shared;
using Adas.Api.Security;
using Adas.Data;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;

namespace Adas.Api.Features.Jobs.Deletions;

public sealed class Endpoint(AdasDbContext db) : Endpoint<Request, Paged<JobDeletionDto>>
{
    public override void Configure()
    {
        Get("/jobs/deletions");
        Roles(AppRoles.Admin);
        Summary(s => s.Summary = "Audit trail of deleted jobs, newest first: who deleted which job and file, when, with how many events (admins)");
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var query = db.JobDeletions.AsNoTracking();
        if (req.DeletedById is { } by) query = query.Where(d => d.DeletedById == by);
        if (req.OwnerId is { } owner) query = query.Where(d => d.OwnerId == owner);
        var page = await query.OrderByDescending(d => d.DeletedAt).ThenByDescending(d => d.Id).ToPageAsync(req, ct);
        await Send.OkAsync(page.Map(JobDeletionDto.From), ct);
    }
}
