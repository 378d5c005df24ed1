using Adas.Perception.Analysis;

namespace Adas.Perception.Driver.Signals;

/// <summary>
/// Summarises the frames of each second of video into one <see cref="DriverSecond"/>: means over the frames with a
/// face, PERCLOS at the end of the second, and the most important state held by at least 40% of the frames.
/// </summary>
public sealed class DriverSecondAggregator
{
    private const double StateShare = 0.4;
    private readonly List<DriverSecond> _rows = [];
    private readonly Dictionary<string, int> _states = [];
    private int _second = -1;
    private int _frames;
    private int _faceFrames;
    private double _ear, _mar, _yaw, _pitch, _roll;
    private double? _perclos;

    public IReadOnlyList<DriverSecond> Rows => _rows;

    public void Add(DriverSignalState s, string state)
    {
        var second = (int)Math.Floor(s.Time + 1e-6);
        if (second != _second)
        {
            Flush();
            while (_rows.Count > 0 && _rows[^1].Second + 1 < second)
                _rows.Add(_rows[^1] with { Second = _rows[^1].Second + 1 });
            _second = second;
        }
        _frames++;
        _states[state] = _states.GetValueOrDefault(state) + 1;
        _perclos = s.Perclos ?? _perclos;
        if (!s.FacePresent) return;
        _faceFrames++;
        _ear += s.Ear;
        _mar += s.Mar;
        _yaw += s.Yaw;
        _pitch += s.Pitch;
        _roll += s.Roll;
    }

    public IReadOnlyList<DriverSecond> Complete()
    {
        Flush();
        return _rows;
    }

    private void Flush()
    {
        if (_frames == 0) return;
        double? Mean(double sum, int digits) => _faceFrames == 0 ? null : Math.Round(sum / _faceFrames, digits);
        _rows.Add(new DriverSecond(_second, _faceFrames * 2 >= _frames, Mean(_ear, 3), Mean(_mar, 3),
            _perclos is { } p ? Math.Round(p, 3) : null, Mean(_yaw, 1), Mean(_pitch, 1), Mean(_roll, 1), DominantState()));
        _frames = _faceFrames = 0;
        _ear = _mar = _yaw = _pitch = _roll = 0;
        _perclos = null;
        _states.Clear();
    }

    private string DominantState()
    {
        foreach (var state in DriverStates.ByPriority)
            if (_states.GetValueOrDefault(state) >= StateShare * _frames) return state;
        return _states.MaxBy(kv => kv.Value).Key;
    }
}
