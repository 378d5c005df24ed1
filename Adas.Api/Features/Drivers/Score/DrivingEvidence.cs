using Adas.Data.Entities;

namespace Adas.Api.Features.Drivers.Score;

/// <summary>
/// Hours of driving backed by analysed video, so typed-in trip times cannot inflate a score's denominator: a trip counts
/// its videos' duration, at most its own length; the dashcam and in-cabin videos of the same drive count once (the
/// longer camera's total); videos outside trips count their duration the same way. Hours are dated by the job (its
/// upload, a server time nobody can type) and a driver counts at most 24 of them per day.
/// </summary>
public static class DrivingEvidence
{
    public static readonly double MaxHoursPerDay = 24;

    public sealed record Video(Guid? TripId, DateTime? TripStartedAt, DateTime? TripEndedAt, VideoType Type, double? DurationSeconds,
        DateTime JobCreatedAt);

    /// <summary>Trip hours and loose-video hours, each day's total capped at <see cref="MaxHoursPerDay"/> (scaled down together).</summary>
    public static (double TripHours, double VideoHours) Hours(IReadOnlyCollection<Video> tripVideos, IReadOnlyCollection<Video> looseVideos)
    {
        var trips = tripVideos.GroupBy(v => v.TripId).Select(trip => (Day: trip.Min(v => v.JobCreatedAt).Date, Hours: TripHours(trip)));
        var loose = looseVideos.GroupBy(v => v.JobCreatedAt.Date).Select(day => (Day: day.Key, Hours: RecordedHours(day)));
        double tripTotal = 0, looseTotal = 0;
        var tripByDay = trips.GroupBy(t => t.Day).ToDictionary(d => d.Key, d => d.Sum(t => t.Hours));
        var looseByDay = loose.ToDictionary(d => d.Day, d => d.Hours);
        foreach (var day in tripByDay.Keys.Union(looseByDay.Keys))
        {
            var onTrips = tripByDay.GetValueOrDefault(day);
            var outside = looseByDay.GetValueOrDefault(day);
            var scale = onTrips + outside > MaxHoursPerDay ? MaxHoursPerDay / (onTrips + outside) : 1;
            tripTotal += onTrips * scale;
            looseTotal += outside * scale;
        }
        return (tripTotal, looseTotal);
    }

    private static double TripHours(IEnumerable<Video> trip)
    {
        var videos = trip.ToList();
        var first = videos[0];
        var recorded = RecordedHours(videos);
        return first.TripEndedAt is { } end && first.TripStartedAt is { } start
            ? Math.Min(recorded, Math.Max(0, (end - start).TotalHours))
            : recorded;
    }

    private static double RecordedHours(IEnumerable<Video> videos) =>
        videos.GroupBy(v => v.Type).Select(camera => camera.Sum(v => Math.Max(0, v.DurationSeconds ?? 0))).DefaultIfEmpty(0).Max() / 3600;
}
