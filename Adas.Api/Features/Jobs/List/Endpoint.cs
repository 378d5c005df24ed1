using Adas.Api.Features.Shared;
using Adas.Data;
using Adas.Data.Entities;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;

namespace Adas.Api.Features.Jobs.List;

public sealed class Request : PagedRequest
{
    public JobStatus? Status { get; set; }
    public VideoType? VideoType { get; set; }
    public Guid? TripId { get; set; }
    public Guid? VehicleId { get; set; }
}

public sealed class Validator : Validator<Request>
{
    public Validator() => Include(new PagingValidator());
}

public sealed class Endpoint(AdasDbContext db) : Endpoint<Request, Paged<JobResponse>>
{
    public override void Configure()
    {
        Get("/jobs");
        Summary(s => s.Summary = "Jobs the caller may see, newest first (filters: status, videoType, tripId, vehicleId; paging)");
    }

    public override async Task HandleAsync(Request r, CancellationToken ct)
    {
        var query = db.JobsVisibleTo(User).Include(j => j.Video).AsQueryable();
        if (r.Status is { } status) query = query.Where(j => j.Status == status);
        if (r.VideoType is { } type) query = query.Where(j => j.VideoType == type);
        if (r.TripId is { } trip) query = query.Where(j => j.TripId == trip);
        if (r.VehicleId is { } vehicle) query = query.Where(j => j.VehicleId == vehicle);
        var page = await query.OrderByDescending(j => j.CreatedAt).ThenBy(j => j.Id).ToPageAsync(r, ct);
        await Send.OkAsync(page.Map(j => JobResponse.From(j, j.Video!)), ct);
    }
}
