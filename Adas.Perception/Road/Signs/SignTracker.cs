using Adas.Perception.Analysis;
using Adas.Perception.Detection;
using Adas.Perception.Events;

namespace Adas.Perception.Road.Signs;

/// <summary>
/// Groups sign sightings into physical signs (overlap or nearby centre, same kind), confirms a sign after
/// <see cref="SignOptions.ConfirmFrames"/> sightings with a consistent label, and reports each confirmed sign once.
/// </summary>
public sealed class SignTracker(SignOptions options)
{
    private readonly List<SignTrack> _active = [];
    private readonly List<DetectedSign> _signs = [];
    private readonly List<AnalysisEvent> _events = [];
    private int _nextId = 1;

    public IReadOnlyList<SignTrack> Active => _active;
    public IReadOnlyList<DetectedSign> Signs => _signs;
    public IReadOnlyList<AnalysisEvent> Events => _events;

    public void Update(IReadOnlyList<SignObservation> observations, double time, Func<OpenCvSharp.Rect2f, Func<byte[]?>>? snapshotOf = null)
    {
        var used = new HashSet<SignTrack>();
        foreach (var observation in observations.OrderByDescending(o => o.Confidence))
        {
            var track = _active.Where(t => !used.Contains(t) && t.Kind == observation.Kind)
                .Select(t => (Track: t, Score: Similarity(t, observation)))
                .Where(m => m.Score > 0).OrderByDescending(m => m.Score).Select(m => m.Track).FirstOrDefault();
            if (track is null) _active.Add(track = new SignTrack(_nextId++, observation, time));
            used.Add(track);
            track.Observe(observation, time, snapshotOf?.Invoke(observation.Box));
        }
        foreach (var stale in _active.Where(t => time - t.LastSeen > options.ForgetAfterSeconds).ToList()) Finish(stale);
    }

    public void Complete()
    {
        foreach (var track in _active.ToList()) Finish(track);
    }

    private void Finish(SignTrack track)
    {
        _active.Remove(track);
        if (!track.IsConfirmed(options)) return;
        _signs.Add(track.ToDetectedSign());
        _events.Add(track.ToEvent());
    }

    private static double Similarity(SignTrack track, SignObservation observation)
    {
        var iou = BoxGeometry.Iou(track.Box, observation.Box);
        if (iou > 0.1) return 1 + iou;
        var size = Math.Max(track.Box.Width, track.Box.Height);
        var dx = track.Box.X + track.Box.Width / 2 - (observation.Box.X + observation.Box.Width / 2);
        var dy = track.Box.Y + track.Box.Height / 2 - (observation.Box.Y + observation.Box.Height / 2);
        var distance = Math.Sqrt(dx * dx + dy * dy);
        var scaleRatio = Math.Max(track.Box.Width, observation.Box.Width) / Math.Max(1, Math.Min(track.Box.Width, observation.Box.Width));
        return distance < 1.5 * size && scaleRatio < 2 ? 1 - distance / (1.5 * size) : 0;
    }
}
