namespace Adas.Perception.Driver.Signals;

/// <summary>Running median over the last few samples: removes single-frame landmark glitches, keeps edges.</summary>
public sealed class MedianFilter(int size)
{
    private readonly double[] _window = new double[Math.Max(1, size)];
    private readonly double[] _sorted = new double[Math.Max(1, size)];
    private int _count;
    private int _next;

    public double Add(double value)
    {
        _window[_next] = value;
        _next = (_next + 1) % _window.Length;
        _count = Math.Min(_count + 1, _window.Length);
        Array.Copy(_window, _sorted, _count);
        Array.Sort(_sorted, 0, _count);
        return _count % 2 == 1 ? _sorted[_count / 2] : (_sorted[_count / 2 - 1] + _sorted[_count / 2]) / 2;
    }

    public void Reset()
    {
        _count = 0;
        _next = 0;
    }
}
