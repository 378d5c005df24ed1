using System.Diagnostics;

namespace Adas.Perception.Analysis;

/// <summary>
/// Accumulates wall time per pipeline stage, for the benchmark's per-frame stage figures, and for measured stages
/// also the thread's CPU time (a figure the other load on a shared machine hardly inflates). Stages run on several
/// pipeline threads, so it is safe to add from any of them.
/// </summary>
public sealed class StageTimings
{
    private readonly Dictionary<string, long> _ticks = [];
    private readonly Dictionary<string, long> _cpuNanoseconds = [];
    private readonly Lock _lock = new();

    public void Add(string stage, long elapsedTicks)
    {
        lock (_lock) _ticks[stage] = _ticks.GetValueOrDefault(stage) + elapsedTicks;
    }

    public T Measure<T>(string stage, Func<T> work)
    {
        var start = Stopwatch.GetTimestamp();
        var cpuStart = ThreadCpuClock.Nanoseconds();
        try { return work(); }
        finally { Add(stage, Stopwatch.GetTimestamp() - start, ThreadCpuClock.Nanoseconds() - cpuStart); }
    }

    public void Measure(string stage, Action work) => Measure(stage, () =>
    {
        work();
        return 0;
    });

    public IReadOnlyDictionary<string, double> CpuMillisecondsPerFrame(int frames)
    {
        lock (_lock) return _cpuNanoseconds.ToDictionary(kv => kv.Key, kv => frames == 0 ? 0 : kv.Value / 1e6 / frames);
    }

    private void Add(string stage, long elapsedTicks, long cpuNanoseconds)
    {
        lock (_lock)
        {
            _ticks[stage] = _ticks.GetValueOrDefault(stage) + elapsedTicks;
            _cpuNanoseconds[stage] = _cpuNanoseconds.GetValueOrDefault(stage) + cpuNanoseconds;
        }
    }

    public IReadOnlyDictionary<string, double> MillisecondsPerFrame(int frames)
    {
        lock (_lock) return _ticks.ToDictionary(kv => kv.Key, kv => frames == 0 ? 0 : kv.Value * 1000.0 / Stopwatch.Frequency / frames);
    }
}
