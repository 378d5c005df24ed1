namespace Adas.Perception.Driver.Signals;

/// <summary>Counts blinks (eye closures shorter than a microsleep) and their durations.</summary>
public sealed class BlinkStatistics(double microsleepSeconds)
{
    private double _totalSeconds;

    public int Count { get; private set; }
    public double LongestSeconds { get; private set; }
    public double? LastSeconds { get; private set; }
    public double MeanSeconds => Count == 0 ? 0 : _totalSeconds / Count;

    /// <summary>Called when the eyes reopen after a closure of the given length.</summary>
    public void ClosureEnded(double closedSeconds)
    {
        if (closedSeconds >= microsleepSeconds || closedSeconds <= 0) return;
        Count++;
        _totalSeconds += closedSeconds;
        LastSeconds = closedSeconds;
        LongestSeconds = Math.Max(LongestSeconds, closedSeconds);
    }
}
