using FastEndpoints;
using FluentValidation;
using Severity = Adas.Data.Entities.Severity;

namespace Adas.Api.Features.Drivers.Score;

public sealed class Request
{
    public Guid Id { get; set; }
    /// <summary>Only trips, videos and events from this time (UTC).</summary>
    public DateTime? From { get; set; }
    public DateTime? To { get; set; }
}

public sealed class Validator : Validator<Request>
{
    public Validator() => RuleFor(r => r.To).GreaterThan(r => r.From).When(r => r.From is not null && r.To is not null);
}

/// <summary>score = clamp(100 - sum(penalty), 0, 100); penalty = weight x severityMultiplier x count / scoredHours.</summary>
public sealed record Response(Guid DriverId, double Score, string Formula, double HoursDriven, double TripHours, double VideoHours,
    double ScoredHours, int TotalEvents, double TotalPenalty, IReadOnlyList<BreakdownItem> Breakdown, IReadOnlyList<CoachedEvent> Coached);

/// <summary>Count: the events that count (all but dismissed); Dismissed: false alarms left out; AwaitingReview: counted until reviewed.</summary>
public sealed record BreakdownItem(string Type, Severity Severity, int Count, int Dismissed, int AwaitingReview, double Weight,
    double SeverityMultiplier, double EventsPerHour, double Penalty);

public sealed record CoachedEvent(Guid EventId, string Type, Severity Severity, DateTime OccurredAt, string? CoachingNote, DateTime? CoachedAt);
