using Adas.Data.Entities;
using FluentValidation;
using Severity = Adas.Data.Entities.Severity;

namespace Adas.Api.Features.Events;

/// <summary>The filters shared by the event list and the event statistics.</summary>
public interface IEventFilter
{
    string? Type { get; }
    Severity? Severity { get; }
    DateTime? From { get; }
    DateTime? To { get; }
    Guid? VehicleId { get; }
    Guid? DriverId { get; }
    Guid? TripId { get; }
    Guid? JobId { get; }
    ReviewState? ReviewState { get; }
    DismissReason? DismissReason { get; }
}

/// <summary>The filters as query properties; the list adds paging, statistics and export take them alone.</summary>
public abstract class EventFilterQuery : IEventFilter
{
    public string? Type { get; set; }
    public Severity? Severity { get; set; }
    public DateTime? From { get; set; }
    public DateTime? To { get; set; }
    public Guid? VehicleId { get; set; }
    public Guid? DriverId { get; set; }
    public Guid? TripId { get; set; }
    public Guid? JobId { get; set; }
    public ReviewState? ReviewState { get; set; }
    public DismissReason? DismissReason { get; set; }
}

public static class EventFilter
{
    public static IQueryable<SafetyEvent> Filter(this IQueryable<SafetyEvent> events, IEventFilter f)
    {
        if (f.Type is { Length: > 0 } type) events = events.Where(e => e.Type == type);
        if (f.Severity is { } severity) events = events.Where(e => e.Severity == severity);
        if (f.From is { } from) events = events.Where(e => e.OccurredAt >= from.ToUniversalTime());
        if (f.To is { } to) events = events.Where(e => e.OccurredAt < to.ToUniversalTime());
        if (f.VehicleId is { } vehicle) events = events.Where(e => e.VehicleId == vehicle);
        if (f.DriverId is { } driver) events = events.Where(e => e.DriverId == driver);
        if (f.TripId is { } trip) events = events.Where(e => e.TripId == trip);
        if (f.JobId is { } job) events = events.Where(e => e.JobId == job);
        if (f.ReviewState is { } state) events = events.Where(e => e.ReviewState == state);
        if (f.DismissReason is { } reason) events = events.Where(e => e.DismissReason == reason);
        return events;
    }
}

public sealed class EventFilterValidator : AbstractValidator<IEventFilter>
{
    public EventFilterValidator()
    {
        RuleFor(f => f.Type).MaximumLength(64).Matches("^[a-z_]+$").When(f => f.Type is not null)
            .WithMessage("'Type' is an event type such as forward_collision_warning.");
        RuleFor(f => f.Severity).IsInEnum();
        RuleFor(f => f.ReviewState).IsInEnum();
        RuleFor(f => f.DismissReason).IsInEnum();
        RuleFor(f => f.To).GreaterThan(f => f.From).When(f => f.From is not null && f.To is not null);
    }
}
