namespace Adas.Perception.Driver.Signals;

/// <summary>
/// Drowsiness signs in the head's pitch (relative to the neutral pose): drooping (hanging down with the eyes not
/// open) and nods (a drop that comes back up quickly, counted over a window).
/// </summary>
public sealed class HeadMotion(DriverOptions options)
{
    private readonly Queue<double> _nods = new();
    private double? _dropStart;
    private double _droopSeconds;

    public bool Drooping { get; private set; }
    public double DroopSeconds => _droopSeconds;
    public int NodsInWindow => _nods.Count;

    public void Update(double time, bool face, double pitch, bool eyesNotOpen, double duration)
    {
        var down = face && pitch < -options.HeadDroopPitchDegrees;
        _droopSeconds = down && eyesNotOpen ? _droopSeconds + duration : 0;
        Drooping = _droopSeconds + 1e-9 >= options.HeadDroopSeconds;
        TrackNods(time, face, pitch);
    }

    private void TrackNods(double time, bool face, double pitch)
    {
        if (face && pitch < -options.NodPitchDegrees) _dropStart ??= time;
        else if (face && _dropStart is { } start && pitch > -options.NodPitchDegrees / 2)
        {
            if (time - start <= options.NodMaxSeconds) _nods.Enqueue(time);
            _dropStart = null;
        }
        else if (!face) _dropStart = null;
        while (_nods.Count > 0 && _nods.Peek() < time - options.NodWindowSeconds) _nods.Dequeue();
    }

    public void Reset()
    {
        _nods.Clear();
        _dropStart = null;
        _droopSeconds = 0;
        Drooping = false;
    }
}
