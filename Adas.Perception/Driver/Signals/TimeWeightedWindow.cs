namespace Adas.Perception.Driver.Signals;

/// <summary>
/// Sums time over a sliding window: each sample covers the interval (end - duration, end]; a sample straddling the
/// window start counts only with its part inside. Gives exact fractions of time, whatever the frame rate.
/// </summary>
public sealed class TimeWeightedWindow(double windowSeconds)
{
    private readonly Queue<Sample> _samples = new();
    private double _countedSeconds;
    private double _flaggedSeconds;
    private double _now;

    public double WindowSeconds { get; } = windowSeconds;

    /// <summary>Seconds inside the window that were counted (e.g. face present).</summary>
    public double CountedSeconds => Math.Max(0, _countedSeconds - Outside(s => s.Counted));

    /// <summary>Seconds inside the window that were counted and flagged (e.g. eyes closed).</summary>
    public double FlaggedSeconds => Math.Max(0, _flaggedSeconds - Outside(s => s.Counted && s.Flagged));

    public double Fraction => CountedSeconds > 0 ? FlaggedSeconds / CountedSeconds : 0;

    public void Add(double end, double duration, bool counted, bool flagged)
    {
        _now = Math.Max(_now, end);
        _samples.Enqueue(new Sample(end, duration, counted, flagged));
        if (counted) _countedSeconds += duration;
        if (counted && flagged) _flaggedSeconds += duration;
        var windowStart = _now - WindowSeconds;
        while (_samples.Count > 0 && _samples.Peek().End <= windowStart)
        {
            var old = _samples.Dequeue();
            if (old.Counted) _countedSeconds -= old.Duration;
            if (old.Counted && old.Flagged) _flaggedSeconds -= old.Duration;
        }
        if (_samples.Count == 0) _countedSeconds = _flaggedSeconds = 0;
    }

    public void Clear()
    {
        _samples.Clear();
        _countedSeconds = _flaggedSeconds = 0;
    }

    private double Outside(Func<Sample, bool> include)
    {
        if (_samples.Count == 0) return 0;
        var first = _samples.Peek();
        if (!include(first)) return 0;
        return Math.Clamp(_now - WindowSeconds - (first.End - first.Duration), 0, first.Duration);
    }

    private readonly record struct Sample(double End, double Duration, bool Counted, bool Flagged);
}
