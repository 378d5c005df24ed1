using Adas.Api.Common;
using Adas.Data;
using Adas.Data.Entities;
using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Adas.Api.Features.Jobs.List;

public sealed class Request : PagingRequest
{
    [QueryParam] public string? Status { get; set; }
    [QueryParam] public string? VideoType { get; set; }
    [QueryParam] public Guid? TripId { get; set; }
    [QueryParam] public Guid? VehicleId { get; set; }
}

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        this.AddPagingRules();
        RuleFor(r => r.Status).Must(s => s is null || ApiEnum.TryParse<JobStatus>(s, out _))
            .WithMessage($"status must be one of: {ApiEnum.Values<JobStatus>()}.");
        RuleFor(r => r.VideoType).Must(s => s is null || ApiEnum.TryParse<VideoType>(s, out _))
            .WithMessage($"videoType must be one of: {ApiEnum.Values<VideoType>()}.");
    }
}

public sealed class Endpoint(AdasDbContext db) : Endpoint<Request, PagedResponse<JobResponse>>
{
    public override void Configure()
    {
        Get("/jobs");
        AllowAnonymous();
        Summary(s => s.Summary = "List jobs, newest first (filters: status, videoType, tripId, vehicleId; paging)");
    }

    public override async Task HandleAsync(Request r, CancellationToken ct)
    {
        var query = db.WithVideo();
        if (ApiEnum.ParseOrNull<JobStatus>(r.Status) is { } status) query = query.Where(j => j.Status == status);
        if (ApiEnum.ParseOrNull<VideoType>(r.VideoType) is { } type) query = query.Where(j => j.VideoType == type);
        if (r.TripId is { } trip) query = query.Where(j => j.TripId == trip);
        if (r.VehicleId is { } vehicle) query = query.Where(j => j.VehicleId == vehicle);
        var total = await query.CountAsync(ct);
        var jobs = await query.OrderByDescending(j => j.CreatedAt).Skip(r.Skip).Take(r.PageSize).ToListAsync(ct);
        await Send.OkAsync(new PagedResponse<JobResponse>([.. jobs.Select(j => JobResponse.From(j, j.Video!))], r.Page, r.PageSize, total), ct);
    }
}
