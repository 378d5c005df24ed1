using Adas.Api.Security;
using Adas.Data.Entities;

namespace Adas.Api.Features.Jobs.Delete;

/// <summary>Who may delete a job they can see: evidence of unsafe driving is not the driver's to erase.</summary>
public static class JobDeletionRules
{
    /// <summary>Null when the caller may delete the job; otherwise why not.</summary>
    public static string? RefusalFor(CurrentUser caller, VideoJob job, int eventCount) => caller switch
    {
        { IsAdmin: true } => null,
        { IsManager: true } when caller.CanManageFleet(job.FleetId) || (eventCount == 0 && job.OwnerId == caller.Id) => null,
        { IsManager: true } => "Only an admin or the manager of the job's fleet may delete analysed evidence.",
        { IsDriver: true } when job.OwnerId != caller.Id => "Drivers may delete only videos they uploaded themselves.",
        { IsDriver: true } when eventCount > 0 =>
            $"This job has {eventCount} safety event(s): analysed evidence can only be deleted by your manager or an admin.",
        // Unfinished, "no events" means "none yet": a driver could otherwise erase a trip before its events are written.
        { IsDriver: true } when job.Status is not (JobStatus.Failed or JobStatus.Completed) =>
            "A job that is queued or being analysed cannot be deleted by its driver; it can be once it has completed or failed.",
        { IsDriver: true } => null,
        _ => "Your role may not delete jobs.",
    };
}
