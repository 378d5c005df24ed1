using Adas.Perception.Detection;
using Adas.Perception.Road.Tracking;
using Adas.Perception.Video;
using OpenCvSharp;
using Detection = Adas.Perception.Detection.Detection;

namespace Adas.Tests.Perception.Road;

public sealed class ByteTrackerTests
{
    private static Detection Car(float x, float y, float score = 0.8f, float w = 60, float h = 40) =>
        new(new Rect2f(x, y, w, h), CocoClasses.Car, "car", score);

    [Fact]
    public void Keeps_ids_of_crossing_objects_and_through_a_missed_frame()
    {
        var tracker = new ByteTracker();
        var ids = new List<(int A, int B)>();
        for (var i = 0; i < 30; i++)
        {
            var t = i * 0.04;
            Detection[] detections = i == 12 ? [Car(100 + 8 * i, 200)] : [Car(100 + 8 * i, 200), Car(500 - 6 * i, 300, 0.7f)];
            var tracks = tracker.Update(detections, t);
            var a = tracks.Single(tr => Math.Abs(tr.Box.Y - 200) < 30);
            var b = tracks.Single(tr => Math.Abs(tr.Box.Y - 300) < 30);
            ids.Add((a.Id, b.Id));
        }
        Assert.Single(ids.Select(p => p.A).Distinct());
        Assert.Single(ids.Select(p => p.B).Distinct());
        Assert.NotEqual(ids[0].A, ids[0].B);
        Assert.Equal(2, tracker.TotalConfirmed);
    }

    [Fact]
    public void Low_score_detections_keep_a_track_alive_but_never_start_one()
    {
        var tracker = new ByteTracker();
        for (var i = 0; i < 5; i++) tracker.Update([Car(100 + 2 * i, 100)], i * 0.04);
        var id = Assert.Single(tracker.Tracks).Id;
        for (var i = 5; i < 15; i++) tracker.Update([Car(100 + 2 * i, 100, 0.15f), Car(600, 400, 0.2f)], i * 0.04);
        var track = Assert.Single(tracker.Tracks);
        Assert.Equal(id, track.Id);
        Assert.Equal(TrackState.Confirmed, track.State);
    }

    [Fact]
    public void A_rider_read_as_car_person_and_motorbike_in_turn_with_low_scores_is_one_confirmed_track()
    {
        var tracker = new ByteTracker();
        (int Class, string Label, float Score)[] readings =
            [(CocoClasses.Motorcycle, "motorcycle", 0.45f), (CocoClasses.Person, "person", 0.2f), (CocoClasses.Car, "car", 0.35f),
             (CocoClasses.Motorcycle, "motorcycle", 0.15f), (CocoClasses.Person, "person", 0.4f)];
        for (var i = 0; i < readings.Length; i++)
            tracker.Update([new Detection(new Rect2f(300 + 3 * i, 200, 40, 60), readings[i].Class, readings[i].Label, readings[i].Score)], i * 0.05);
        var track = Assert.Single(tracker.Tracks);
        Assert.Equal(TrackState.Confirmed, track.State);
    }

    [Fact]
    public void Lost_tracks_are_dropped_after_the_timeout_and_ids_are_not_reused()
    {
        var tracker = new ByteTracker(new ByteTrackerOptions { MaxLostSeconds = 0.5 });
        for (var i = 0; i < 5; i++) tracker.Update([Car(100, 100)], i * 0.04);
        var first = tracker.Tracks.Single().Id;
        tracker.Update([], 0.5);
        Assert.Single(tracker.Tracks);
        tracker.Update([], 1.0);
        Assert.Empty(tracker.Tracks);
        for (var i = 0; i < 5; i++) tracker.Update([Car(100, 100)], 1.1 + i * 0.04);
        Assert.NotEqual(first, tracker.Tracks.Single().Id);
    }

    [Fact]
    public void Track_ids_persist_across_the_highway_clip()
    {
        using var detector = new YoloxDetector(RoadAssets.Models.ObjectDetector, RoadAssets.Models.ObjectDetectorClassNames,
            new YoloxDetectorOptions { ScoreThreshold = 0.1f });
        using var source = new VideoFrameSource(RoadAssets.HighwayLanesClip);
        var tracker = new ByteTracker();
        var lifetimes = new Dictionary<int, (double First, double Last, int Frames)>();
        foreach (var frame in source.ReadFrames(TestContext.Current.CancellationToken).Where(f => f.Index % 2 == 0))
        {
            foreach (var track in tracker.Update(detector.Detect(frame.Image), frame.TimestampSeconds)
                         .Where(t => t.State == TrackState.Confirmed && t.UpdatedThisFrame && CocoClasses.IsVehicle(t.ClassId)))
            {
                var (first, _, frames) = lifetimes.GetValueOrDefault(track.Id, (frame.TimestampSeconds, 0, 0));
                lifetimes[track.Id] = (first, frame.TimestampSeconds, frames + 1);
            }
        }

        var longest = lifetimes.Values.Max(l => l.Last - l.First);
        Assert.True(longest >= 5, $"longest vehicle track {longest:0.0} s of an 8.8 s clip");
        Assert.True(lifetimes.Values.Count(l => l.Last - l.First >= 2) >= 2, "several vehicles followed for 2 s or more");
        Assert.True(lifetimes.Count <= 25, $"{lifetimes.Count} vehicle ids: ids are being switched");
    }
}
