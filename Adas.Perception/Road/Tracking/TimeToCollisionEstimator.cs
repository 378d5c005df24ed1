namespace Adas.Perception.Road.Tracking;

/// <summary>
/// Time to collision from the growth of a tracked box: over a window of about <see cref="Window"/> seconds the
/// scale s = size(now) / size(then) gives TTC = dt / (s - 1). The scale rate (s - 1) / dt = 1 / TTC is smoothed
/// exponentially (time constant <see cref="Smoothing"/>) around a constant-velocity prediction (TTC falls by one
/// second per second, so the rate r grows as dr/dt = r²): the smoothing adds no lag on a steady approach, and a
/// receding or steady object simply has no TTC.
/// </summary>
public sealed class TimeToCollisionEstimator(double window = 0.4, double smoothing = 0.3, double minimumSpan = 0.2)
{
    private const int Capacity = 64;
    private readonly (double Time, double Size)[] _samples = new (double, double)[Capacity];
    private int _count;
    private int _head;
    private double? _rate;
    private const double MaxTtc = 100;
    private double _lastTime = double.NaN;

    public double Window { get; } = window;
    public double Smoothing { get; } = smoothing;

    /// <summary>Smoothed relative growth per second (1/TTC); positive when closing.</summary>
    public double? ScaleRate => _rate;

    /// <summary>Seconds to collision, or null when the object is not closing in.</summary>
    public double? Seconds => _rate is > 1 / MaxTtc and var r ? 1 / r : null;

    public void Reset()
    {
        _count = 0;
        _head = 0;
        _rate = null;
        _lastTime = double.NaN;
    }

    public void Add(double time, double size)
    {
        if (size <= 0 || time <= _lastTime) return;
        var dtFrame = double.IsNaN(_lastTime) ? 0 : time - _lastTime;
        _lastTime = time;
        _samples[_head] = (time, size);
        _head = (_head + 1) % Capacity;
        _count = Math.Min(_count + 1, Capacity);

        var reference = Oldest(time - Window);
        var dt = time - reference.Time;
        if (dt < minimumSpan) return;
        Smooth((size / reference.Size - 1) / dt, dtFrame);
    }

    /// <summary>
    /// Feeds a scale measured directly between a frame <paramref name="span"/> seconds ago and this one (the object's
    /// pixels matched at several scales), instead of a ratio of box sizes.
    /// </summary>
    public void AddScale(double time, double scale, double span)
    {
        if (span < minimumSpan || scale <= 0 || time <= _lastTime) return;
        var dtFrame = double.IsNaN(_lastTime) ? 0 : time - _lastTime;
        _lastTime = time;
        Smooth((scale - 1) / span, dtFrame);
    }

    private void Smooth(double rate, double dtFrame)
    {
        var alpha = dtFrame <= 0 ? 1 : dtFrame / (Smoothing + dtFrame);
        if (_rate is not { } previous)
        {
            _rate = rate;
            return;
        }
        var predicted = previous * dtFrame < 0.5 ? previous / (1 - previous * dtFrame) : previous;
        _rate = predicted + alpha * (rate - predicted);
    }

    private (double Time, double Size) Oldest(double notBefore)
    {
        var best = _samples[(_head - 1 + Capacity) % Capacity];
        for (var i = 1; i <= _count; i++)
        {
            var sample = _samples[(_head - i + Capacity) % Capacity];
            if (sample.Time < notBefore - 1e-9) break;
            best = sample;
        }
        return best;
    }
}
