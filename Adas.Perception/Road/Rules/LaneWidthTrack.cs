namespace Adas.Perception.Road.Rules;

/// <summary>
/// The lane's usual width, followed while both lines are confident. Lanes change width gradually (tapers of tens of
/// metres), so a sudden jump means a line has moved to something else (a kerb's foot where the shoulder widens, a
/// seam, a merging lane's line); a departure measured against such a line is not trusted. Widths within the tolerance
/// update the usual width; a different width held for the re-acquire time becomes the new usual width.
/// </summary>
public sealed class LaneWidthTrack(double tolerance, double reacquireSeconds, double timeConstantSeconds)
{
    private double? _usual;
    private double? _otherSince;
    private double _lastTime = double.NegativeInfinity;

    /// <summary>Feeds one frame's width (null when the lane is not known) and says whether it is the usual one.</summary>
    public bool IsUsual(double time, double? width)
    {
        var dt = Math.Clamp(time - _lastTime, 0, 1);
        _lastTime = time;
        if (width is not { } w || w <= 0) return false;
        if (_usual is not { } usual) return Start(w);
        if (Math.Abs(w / usual - 1) <= tolerance)
        {
            _otherSince = null;
            _usual = usual + (w - usual) * (1 - Math.Exp(-dt / timeConstantSeconds));
            return true;
        }
        _otherSince ??= time;
        return time - _otherSince >= reacquireSeconds && Start(w);
    }

    /// <summary>Takes the width as the usual one; a lane first seen is judged from its next frame on.</summary>
    private bool Start(double width)
    {
        (_usual, _otherSince) = (width, null);
        return false;
    }
}
