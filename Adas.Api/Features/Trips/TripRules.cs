namespace Adas.Api.Features.Trips;

public static class TripRules
{
    public const double MaxDistanceKm = 5000;
    public const int MaxNotesLength = 2000;
    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(24);
    /// <summary>How far ahead of the server's clock a client's clock may be.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
    /// <summary>How long ago a trip recorded now may have started: a record is kept as it happens, not back-dated at will.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(31);

    /// <summary>The field and reason when a trip's times are not sane: not in the future, end after start, at most 24 h, started within <see cref="MaxAge"/>.</summary>
    public static (string Field, string Error)? CheckTimes(DateTime startedAt, DateTime? endedAt, DateTime now)
    {
        if (startedAt > now + ClockSkew) return ("startedAt", "A trip cannot start in the future.");
        if (endedAt is { } end)
        {
            if (end > now + ClockSkew) return ("endedAt", "A trip cannot end in the future.");
            if (end <= startedAt) return ("endedAt", "The trip must end after it starts.");
            if (end - startedAt > MaxDuration) return ("endedAt", $"A trip lasts at most {MaxDuration.TotalHours:0} hours; record longer drives as several trips.");
        }
        if (startedAt < now - MaxAge) return ("startedAt", $"A trip must have started within the last {MaxAge.TotalDays:0} days.");
        return null;
    }
}
