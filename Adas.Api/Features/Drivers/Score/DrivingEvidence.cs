using Adas.Data.Entities;

namespace Adas.Api.Features.Drivers.Score;

/// <summary>
/// Hours of driving backed by analysed video, so typed-in trip times cannot inflate a score's denominator: a trip counts
/// its videos' duration, at most its own length; the dashcam and in-cabin videos of the same drive count once (the
/// longer camera's total); videos outside trips count their duration the same way.
/// </summary>
public static class DrivingEvidence
{
    public sealed record Video(Guid? TripId, DateTime? TripStartedAt, DateTime? TripEndedAt, VideoType Type, double? DurationSeconds);

    public static double TripHours(IEnumerable<Video> videos) => videos.GroupBy(v => v.TripId).Sum(trip =>
    {
        var first = trip.First();
        var recorded = RecordedHours(trip);
        return first.TripEndedAt is { } end && first.TripStartedAt is { } start
            ? Math.Min(recorded, Math.Max(0, (end - start).TotalHours))
            : recorded;
    });

    public static double VideoHours(IEnumerable<Video> videos) => RecordedHours(videos);

    private static double RecordedHours(IEnumerable<Video> videos) =>
        videos.GroupBy(v => v.Type).Select(camera => camera.Sum(v => Math.Max(0, v.DurationSeconds ?? 0))).DefaultIfEmpty(0).Max() / 3600;
}
