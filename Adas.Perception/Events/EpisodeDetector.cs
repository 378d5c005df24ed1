namespace Adas.Perception.Events;

/// <summary>
/// Turns a per-frame condition into episodes: an episode opens once the condition has held for
/// <see cref="MinDuration"/>, survives gaps shorter than <see cref="MaxGap"/>, closes when the condition
/// is gone, and no new one opens within <see cref="Cooldown"/> of the last one's end. Within the cooldown a
/// condition worse than the last episode (a warning that turns critical), held for <see cref="MinDuration"/>,
/// re-opens and escalates that episode: the cooldown prevents repeats, never hides an escalation.
/// Severity and peak are tracked over the whole episode (the worst sample wins).
/// </summary>
public sealed class EpisodeDetector(string type, double minDuration, double cooldown = 0, double maxGap = 0.25,
    bool higherIsWorse = true)
{
    private double? _candidateStart;
    private double _lastTrue;
    private double _lastEnd = double.NegativeInfinity;
    private Episode? _open;
    private Episode? _lastClosed;
    private readonly List<AnalysisEvent> _finished = [];

    public string Type { get; } = type;
    public double MinDuration { get; } = minDuration;
    public double Cooldown { get; } = cooldown;
    public double MaxGap { get; } = maxGap;
    public bool IsActive => _open is not null;
    public EventSeverity? ActiveSeverity => _open?.Severity;

    /// <summary>Feeds one sample. When <paramref name="active"/> is false the other arguments are ignored.</summary>
    public void Update(double time, bool active, EventSeverity severity = EventSeverity.Warning, string? metric = null,
        double? value = null, int? trackId = null, IReadOnlyDictionary<string, object?>? details = null,
        Func<byte[]?>? snapshot = null)
    {
        if (!active)
        {
            if (_open is not null && time - _lastTrue > MaxGap) Close();
            if (_open is null && _candidateStart is not null && time - _lastTrue > MaxGap) _candidateStart = null;
            return;
        }

        _lastTrue = time;
        if (_open is null)
        {
            var inCooldown = time - _lastEnd < Cooldown;
            if (inCooldown && (_lastClosed is null || severity <= _lastClosed.Severity))
            {
                _candidateStart = null;
                return;
            }
            _candidateStart ??= time;
            if (time - _candidateStart.Value < MinDuration) return;
            _open = inCooldown ? Reopen(_lastClosed!) : new Episode { Start = _candidateStart.Value };
        }

        var episode = _open;
        episode.End = time;
        var worse = episode.PeakValue is null || (value is not null && (higherIsWorse ? value > episode.PeakValue : value < episode.PeakValue));
        if (severity > episode.Severity || (severity == episode.Severity && worse))
        {
            episode.Severity = severity;
            if (value is not null || episode.PeakValue is null)
            {
                episode.PeakValue = value;
                episode.Metric = metric;
                episode.TrackId = trackId ?? episode.TrackId;
                episode.Details = details ?? episode.Details;
                episode.Snapshot = snapshot?.Invoke() ?? episode.Snapshot;
            }
        }
    }

    /// <summary>Closes any open episode (end of video) and returns every finished episode.</summary>
    public IReadOnlyList<AnalysisEvent> Complete()
    {
        if (_open is not null) Close();
        _candidateStart = null;
        return _finished;
    }

    public IReadOnlyList<AnalysisEvent> Finished => _finished;

    private void Close()
    {
        var e = _open!;
        _finished.Add(new AnalysisEvent(Type, e.Severity, e.Start, e.End, e.Metric, e.PeakValue, e.TrackId, e.Details)
        {
            Snapshot = e.Snapshot,
        });
        _lastEnd = e.End;
        _lastClosed = e;
        _open = null;
        _candidateStart = null;
    }

    private Episode Reopen(Episode episode)
    {
        _finished.RemoveAt(_finished.Count - 1);
        _lastClosed = null;
        return episode;
    }

    private sealed class Episode
    {
        public double Start;
        public double End;
        public EventSeverity Severity = EventSeverity.Info;
        public string? Metric;
        public double? PeakValue;
        public int? TrackId;
        public IReadOnlyDictionary<string, object?>? Details;
        public byte[]? Snapshot;
    }
}
