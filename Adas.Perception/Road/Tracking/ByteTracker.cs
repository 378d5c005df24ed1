using Adas.Perception.Detection;

namespace Adas.Perception.Road.Tracking;

using Detection = Adas.Perception.Detection.Detection;

/// <summary>
/// Multi-object tracker in the ByteTrack style: Kalman-predicted boxes are matched by IoU to the high-score
/// detections first, then the still unmatched confirmed tracks to the low-score detections; only unmatched
/// high-score detections start new tracks. Ids are never reused.
/// </summary>
public sealed class ByteTracker(ByteTrackerOptions? options = null)
{
    private readonly ByteTrackerOptions _options = options ?? new ByteTrackerOptions();
    private readonly List<Track> _tracks = [];
    private int _nextId = 1;

    /// <summary>Tracks alive now (confirmed or tentative, updated or briefly lost).</summary>
    public IReadOnlyList<Track> Tracks => _tracks;

    public int TotalConfirmed { get; private set; }

    /// <summary>Drops every track (after a scene cut); ids go on from where they were, so they stay unique.</summary>
    public void Clear() => _tracks.Clear();

    /// <summary>A frame the detector skipped: every track coasts on its Kalman prediction, none counts as missed.</summary>
    public IReadOnlyList<Track> Predict(double time)
    {
        foreach (var track in _tracks) track.Predict(time);
        return _tracks;
    }

    /// <param name="frameWidth">Frame width in pixels, to recognise boxes cut by the frame edge (0 when unknown).</param>
    public IReadOnlyList<Track> Update(IReadOnlyList<Detection> detections, double time, int frameWidth = 0)
    {
        Predict(time);

        var high = detections.Where(d => d.Score >= _options.HighScore).ToList();
        var low = detections.Where(d => d.Score < _options.HighScore && d.Score >= _options.LowScore).ToList();

        var unmatchedTracks = Associate(_tracks, high, _options.HighMatchIou, time, frameWidth, out var unmatchedHigh);
        var keepable = unmatchedTracks.Where(t => t.State != TrackState.Tentative || IsTwoWheelerOrPerson(t.ClassId)).ToList();
        Associate(keepable, low, _options.LowMatchIou, time, frameWidth, out _);

        foreach (var detection in unmatchedHigh.Where(d => d.Score >= _options.NewTrackScore))
            _tracks.Add(new Track(_nextId++, detection, time, frameWidth));

        foreach (var track in _tracks)
        {
            if (track.UpdatedThisFrame)
            {
                if (track.State != TrackState.Confirmed && track.Hits >= _options.HitsToConfirm)
                {
                    if (track.State == TrackState.Tentative) TotalConfirmed++;
                    track.State = TrackState.Confirmed;
                }
            }
            else if (track.State == TrackState.Confirmed) track.State = TrackState.Lost;
        }
        _tracks.RemoveAll(t => (t.State == TrackState.Tentative && !t.UpdatedThisFrame)
                               || time - t.LastSeen > _options.MaxLostSeconds);
        return _tracks;
    }

    /// <summary>Greedy IoU assignment, best pairs first; returns the tracks left unmatched.</summary>
    private static List<Track> Associate(IReadOnlyList<Track> tracks, List<Detection> detections, float minIou, double time,
        int frameWidth, out List<Detection> unmatchedDetections)
    {
        var pairs = new List<(float Iou, int Track, int Detection)>();
        for (var t = 0; t < tracks.Count; t++)
        for (var d = 0; d < detections.Count; d++)
        {
            if (!Compatible(tracks[t].ClassId, detections[d].ClassId)) continue;
            var iou = BoxGeometry.Iou(tracks[t].Box, detections[d].Box);
            if (iou >= minIou) pairs.Add((iou, t, d));
        }
        pairs.Sort((a, b) => b.Iou.CompareTo(a.Iou));
        var trackUsed = new bool[tracks.Count];
        var detectionUsed = new bool[detections.Count];
        foreach (var (_, t, d) in pairs)
        {
            if (trackUsed[t] || detectionUsed[d]) continue;
            trackUsed[t] = detectionUsed[d] = true;
            tracks[t].Observe(detections[d], time, frameWidth);
        }
        unmatchedDetections = [.. detections.Where((_, i) => !detectionUsed[i])];
        return [.. tracks.Where((_, i) => !trackUsed[i])];
    }

    /// <summary>
    /// Road users match across classes: a rider pulling out is read as car, person and motorbike in turn by a small
    /// detector, and splitting it into one short track per class never confirms it.
    /// </summary>
    private static bool Compatible(int a, int b) => a == b || (IsRoadUser(a) && IsRoadUser(b));

    private static bool IsRoadUser(int classId) => CocoClasses.IsVehicle(classId) || CocoClasses.IsVulnerableRoadUser(classId);

    /// <summary>Riders and people are small and weakly scored when they first appear; a low-score match keeps their tentative track.</summary>
    private static bool IsTwoWheelerOrPerson(int classId) =>
        CocoClasses.IsVulnerableRoadUser(classId) || classId == CocoClasses.Motorcycle;
}
