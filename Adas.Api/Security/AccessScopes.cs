using Adas.Data.Entities;

namespace Adas.Api.Security;

/// <summary>
/// Object-level authorization as query filters: what each caller may see. Admins see everything; managers and
/// viewers their fleet (nothing when they have none); drivers their own rows. Rows filtered out answer 404.
/// Jobs, events and alerts carry the fleet fixed when they were created, so moving a user does not move old data.
/// </summary>
public static class AccessScopes
{
    public static IQueryable<Trip> VisibleTo(this IQueryable<Trip> trips, CurrentUser user) => user switch
    {
        { IsAdmin: true } => trips,
        { IsDriver: true } => trips.Where(t => t.DriverId == user.Id),
        { FleetId: { } fleet } => trips.Where(t => t.FleetId == fleet),
        _ => trips.Where(_ => false),
    };

    public static IQueryable<VideoJob> VisibleTo(this IQueryable<VideoJob> jobs, CurrentUser user) => user switch
    {
        { IsAdmin: true } => jobs,
        { IsDriver: true } => jobs.Where(j => j.OwnerId == user.Id || j.Trip!.DriverId == user.Id),
        { FleetId: { } fleet } => jobs.Where(j => j.FleetId == fleet),
        _ => jobs.Where(_ => false),
    };

    public static IQueryable<SafetyEvent> VisibleTo(this IQueryable<SafetyEvent> events, CurrentUser user) => user switch
    {
        { IsAdmin: true } => events,
        { IsDriver: true } => events.Where(e => e.DriverId == user.Id || e.Job!.OwnerId == user.Id
            || e.Job.Trip!.DriverId == user.Id),
        { FleetId: { } fleet } => events.Where(e => e.FleetId == fleet),
        _ => events.Where(_ => false),
    };

    public static IQueryable<Alert> VisibleTo(this IQueryable<Alert> alerts, CurrentUser user) => user switch
    {
        { IsAdmin: true } => alerts,
        { IsDriver: true } => alerts.Where(a => a.DriverId == user.Id || a.OwnerId == user.Id
            || a.Event!.Job!.OwnerId == user.Id || a.Event.Job.Trip!.DriverId == user.Id),
        { FleetId: { } fleet } => alerts.Where(a => a.FleetId == fleet),
        _ => alerts.Where(_ => false),
    };

    /// <summary>Drivers, managers and viewers see their fleet's vehicles.</summary>
    public static IQueryable<Vehicle> VisibleTo(this IQueryable<Vehicle> vehicles, CurrentUser user) => user switch
    {
        { IsAdmin: true } => vehicles,
        { FleetId: { } fleet } => vehicles.Where(v => v.FleetId == fleet),
        _ => vehicles.Where(_ => false),
    };

    /// <summary>Drivers see only themselves; managers and viewers the users of their fleet.</summary>
    public static IQueryable<User> VisibleTo(this IQueryable<User> users, CurrentUser user) => user switch
    {
        { IsAdmin: true } => users,
        { IsDriver: true } => users.Where(u => u.Id == user.Id),
        { FleetId: { } fleet } => users.Where(u => u.FleetId == fleet || u.Id == user.Id),
        _ => users.Where(u => u.Id == user.Id),
    };
}
