using Microsoft.EntityFrameworkCore;

namespace Adas.Data.Results;

public static class JobResults
{
    /// <summary>Removes a job's analysis rows: events (their alerts cascade), traffic signs and driver states.</summary>
    public static async Task DeleteResultsOfJobAsync(this AdasDbContext db, Guid jobId, CancellationToken ct)
    {
        await db.SafetyEvents.Where(e => e.JobId == jobId).ExecuteDeleteAsync(ct);
        await db.TrafficSigns.Where(s => s.JobId == jobId).ExecuteDeleteAsync(ct);
        await db.DriverStates.Where(s => s.JobId == jobId).ExecuteDeleteAsync(ct);
    }
}
