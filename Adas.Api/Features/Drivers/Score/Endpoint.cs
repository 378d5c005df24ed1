using Adas.Api.Security;
using Adas.Data;
using Adas.Data.Entities;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Adas.Api.Features.Drivers.Score;

/// <summary>
/// A transparent 0-100 score: 100 minus the weighted events per hour driven. Hours come only from driving the system
/// has evidence of (<see cref="DrivingEvidence"/>): analysed videos, a trip's time bounded by its videos.
/// </summary>
public sealed class Endpoint(AdasDbContext db, IOptions<ScoringOptions> options) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("/drivers/{id:guid}/score");
        Summary(s => s.Summary = "Driver safety score with its breakdown");
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var driver = await db.Users.AsNoTracking().VisibleTo(CurrentUser.From(User))
            .FirstOrDefaultAsync(u => u.Id == req.Id && u.Role == UserRole.Driver, ct);
        if (driver is null) { await Send.NotFoundAsync(ct); return; }

        var from = req.From?.ToUniversalTime() ?? DateTime.MinValue;
        var to = req.To?.ToUniversalTime() ?? DateTime.MaxValue;
        var tripVideos = await db.VideoJobs.AsNoTracking()
            .Where(j => j.Status == JobStatus.Completed && j.Trip!.DriverId == driver.Id && j.CreatedAt >= from && j.CreatedAt < to)
            .Select(j => new DrivingEvidence.Video(j.TripId, j.Trip!.StartedAt, j.Trip.EndedAt, j.VideoType, j.Video!.DurationSeconds, j.CreatedAt))
            .ToListAsync(ct);
        var looseVideos = await db.VideoJobs.AsNoTracking()
            .Where(j => j.OwnerId == driver.Id && j.TripId == null && j.Status == JobStatus.Completed && j.CreatedAt >= from && j.CreatedAt < to)
            .Select(j => new DrivingEvidence.Video(null, null, null, j.VideoType, j.Video!.DurationSeconds, j.CreatedAt))
            .ToListAsync(ct);
        var (tripHours, videoHours) = DrivingEvidence.Hours(tripVideos, looseVideos);

        var driverEvents = db.SafetyEvents.AsNoTracking()
            .Where(e => e.DriverId == driver.Id || (e.DriverId == null && (e.Job!.OwnerId == driver.Id || e.Job.Trip!.DriverId == driver.Id)))
            .Where(e => e.OccurredAt >= from && e.OccurredAt < to);
        var counts = await driverEvents
            .GroupBy(e => new { e.Type, e.Severity, e.ReviewState }).Select(g => new { g.Key.Type, g.Key.Severity, g.Key.ReviewState, Count = g.Count() })
            .ToListAsync(ct);
        var coached = await driverEvents.Where(e => e.ReviewState == ReviewState.Coached).OrderByDescending(e => e.CoachedAt)
            .Select(e => new CoachedEvent(e.Id, e.Type, e.Severity, e.OccurredAt, e.CoachingNote, e.CoachedAt)).ToListAsync(ct);

        var scoring = options.Value;
        var hours = tripHours + videoHours;
        var scoredHours = Math.Max(hours, scoring.MinimumHours);
        // Dismissed events are false alarms: listed, never counted.
        var breakdown = counts.GroupBy(c => (c.Type, c.Severity)).Select(g =>
        {
            var (type, severity) = g.Key;
            var counted = g.Where(c => c.ReviewState != ReviewState.Dismissed).Sum(c => c.Count);
            var weight = scoring.EventWeights.GetValueOrDefault(type, scoring.DefaultEventWeight);
            var multiplier = scoring.SeverityMultipliers.GetValueOrDefault(severity.ToString().ToLowerInvariant(), 1);
            var perHour = counted / scoredHours;
            return new BreakdownItem(type, severity, counted, g.Where(c => c.ReviewState == ReviewState.Dismissed).Sum(c => c.Count),
                g.Where(c => c.ReviewState == ReviewState.NeedsReview).Sum(c => c.Count), weight, multiplier, Math.Round(perHour, 3),
                Math.Round(weight * multiplier * perHour, 2));
        }).OrderByDescending(b => b.Penalty).ThenBy(b => b.Type).ToList();
        var penalty = Math.Round(breakdown.Sum(b => b.Penalty), 2);

        await Send.OkAsync(new Response(driver.Id, Math.Round(Math.Clamp(100 - penalty, 0, 100), 1),
            "score = clamp(100 - sum(weight x severityMultiplier x count / scoredHours), 0, 100); count excludes dismissed events; scoredHours = max(hoursDriven, minimumHours)",
            Math.Round(hours, 3), Math.Round(tripHours, 3), Math.Round(videoHours, 3), Math.Round(scoredHours, 3),
            breakdown.Sum(b => b.Count), penalty, breakdown, coached), ct);
    }
}
