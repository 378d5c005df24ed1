using System.Diagnostics;

namespace Adas.Perception.Analysis;

/// <summary>
/// Accumulates wall time per pipeline stage, for the benchmark's per-frame stage figures. Stages run on several
/// pipeline threads, so it is safe to add from any of them.
/// </summary>
public sealed class StageTimings
{
    private readonly Dictionary<string, long> _ticks = [];
    private readonly Lock _lock = new();

    public void Add(string stage, long elapsedTicks)
    {
        lock (_lock) _ticks[stage] = _ticks.GetValueOrDefault(stage) + elapsedTicks;
    }

    public T Measure<T>(string stage, Func<T> work)
    {
        var start = Stopwatch.GetTimestamp();
        try { return work(); }
        finally { Add(stage, Stopwatch.GetTimestamp() - start); }
    }

    public void Measure(string stage, Action work)
    {
        var start = Stopwatch.GetTimestamp();
        try { work(); }
        finally { Add(stage, Stopwatch.GetTimestamp() - start); }
    }

    public IReadOnlyDictionary<string, double> MillisecondsPerFrame(int frames)
    {
        lock (_lock) return _ticks.ToDictionary(kv => kv.Key, kv => frames == 0 ? 0 : kv.Value * 1000.0 / Stopwatch.Frequency / frames);
    }
}
