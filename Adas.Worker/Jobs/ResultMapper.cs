using System.Text.Json;
using Adas.Data.Entities;
using Adas.Perception.Analysis;
using Adas.Perception.Events;

namespace Adas.Worker.Jobs;

/// <summary>Turns what a pipeline found into rows, the same way for the queue worker and the command line.</summary>
public static class ResultMapper
{
    public static SafetyEvent ToEntity(AnalysisEvent e, VideoJob job, Guid? driverId, DateTime videoStart) => new()
    {
        JobId = job.Id,
        TripId = job.TripId,
        VehicleId = job.VehicleId,
        DriverId = driverId,
        FleetId = job.FleetId,
        Type = e.Type,
        Severity = (Severity)(int)e.Severity,
        ReviewState = SafetyEvent.InitialReviewState((Severity)(int)e.Severity),
        StartSeconds = Math.Round(e.StartSeconds, 3),
        EndSeconds = Math.Round(e.EndSeconds, 3),
        OccurredAt = videoStart.AddSeconds(e.StartSeconds),
        PeakMetric = e.PeakMetric,
        PeakValue = e.PeakValue is { } v && double.IsFinite(v) ? Math.Round(v, 3) : null,
        TrackId = e.TrackId,
        DetailsJson = e.Details is { Count: > 0 } details ? JsonSerializer.Serialize(details) : null,
    };

    public static TrafficSign ToEntity(DetectedSign s, Guid jobId) => new()
    {
        JobId = jobId,
        Kind = s.Kind,
        Label = s.Label,
        ClassId = s.ClassId,
        SpeedLimitKmh = s.SpeedLimitKmh,
        FirstSeenSeconds = Math.Round(s.FirstSeenSeconds, 3),
        LastSeenSeconds = Math.Round(s.LastSeenSeconds, 3),
        Confidence = Math.Round(s.Confidence, 4),
        FrameCount = s.FrameCount,
        TrackId = s.TrackId,
    };

    public static DriverState ToEntity(DriverSecond s, Guid jobId) => new()
    {
        JobId = jobId,
        Second = s.Second,
        FacePresent = s.FacePresent,
        Ear = Round(s.Ear),
        Mar = Round(s.Mar),
        Perclos = Round(s.Perclos),
        Yaw = Round(s.Yaw),
        Pitch = Round(s.Pitch),
        Roll = Round(s.Roll),
        State = s.State,
    };

    /// <summary>Warnings and criticals are raised as alerts for people to review; info events are only recorded.</summary>
    public static bool RaisesAlert(SafetyEvent e) => e.Severity >= Severity.Warning;

    public static Alert ToAlert(SafetyEvent e, VideoJob job) => new()
    {
        EventId = e.Id,
        JobId = job.Id,
        OwnerId = job.OwnerId,
        DriverId = e.DriverId,
        VehicleId = e.VehicleId,
        FleetId = e.FleetId,
        Type = e.Type,
        Severity = e.Severity,
        Message = $"{e.Type.Replace('_', ' ')} ({e.Severity.ToString().ToLowerInvariant()}) at {TimeSpan.FromSeconds(e.StartSeconds):mm\\:ss\\.f} in {job.FileName}",
        CreatedAt = DateTime.UtcNow,
    };

    private static double? Round(double? value) => value is { } v && double.IsFinite(v) ? Math.Round(v, 4) : null;
}
