namespace Adas.Perception.Driver.Signals;

/// <summary>
/// Yawns from the mouth opening, normalised per landmark model and per driver: the mouth is wide when the MAR
/// passes the model's yawn level and the driver's closed-mouth baseline plus a margin (released at a fraction of
/// it). Once wide for <see cref="DriverOptions.YawnConfirmSeconds"/> at once, the yawn survives the mouth reading
/// closed for up to <see cref="DriverOptions.YawnMaxGapSeconds"/> (a hand over the mouth, a face briefly lost), so
/// covering a yawn does not end it early; quick talking movements never get that far. A yawn held for
/// <see cref="DriverOptions.YawnSeconds"/> counts; eyes are not judged during a yawn and briefly after it.
/// </summary>
public sealed class YawnTracker(DriverOptions options)
{
    private readonly Queue<double> _yawns = new();
    private bool _wide;
    private double? _wideSince;
    private double? _yawnSince;
    private double _lastWide = double.NegativeInfinity;
    private double _lastYawning = double.NegativeInfinity;
    private bool _counted;

    /// <summary>A yawn is in progress (mouth wide, or covered/closed briefly after being wide long enough).</summary>
    public bool Yawning { get; private set; }
    public int Total { get; private set; }
    public int InWindow => _yawns.Count;
    public double Threshold { get; private set; }

    /// <summary>Eyes squeeze during a yawn and stay narrow a moment after it.</summary>
    public bool EyesUnreadable(double time) => Yawning || time - _lastYawning <= options.YawnEyesGraceSeconds;

    public void Update(double time, bool face, double mar, double closedMar)
    {
        Threshold = options.Profile.YawnThreshold(closedMar);
        _wide = face && mar >= (_wide ? options.YawnReleaseFraction * Threshold : Threshold);
        if (_wide)
        {
            _wideSince ??= time;
            _lastWide = time;
        }
        else _wideSince = null;

        var confirmed = _yawnSince is not null && time - _yawnSince.Value + 1e-9 >= options.YawnConfirmSeconds;
        var bridged = confirmed && time - _lastWide <= options.YawnMaxGapSeconds;
        Yawning = _wide || bridged;
        if (!Yawning)
        {
            _yawnSince = null;
            _counted = false;
        }
        else
        {
            _lastYawning = time;
            _yawnSince ??= time;
            if (!_counted && time - _yawnSince.Value + 1e-9 >= options.YawnSeconds)
            {
                _counted = true;
                _yawns.Enqueue(_yawnSince.Value);
                Total++;
            }
        }
        while (_yawns.Count > 0 && _yawns.Peek() < time - options.YawnWindowSeconds) _yawns.Dequeue();
    }

    public void Reset()
    {
        _wide = Yawning = _counted = false;
        _wideSince = _yawnSince = null;
        _lastWide = _lastYawning = double.NegativeInfinity;
    }
}
