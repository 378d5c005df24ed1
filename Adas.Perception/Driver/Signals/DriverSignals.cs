namespace Adas.Perception.Driver.Signals;

/// <summary>
/// Turns per-frame measurements into the driver's signals: calibrated eye closure (median-smoothed, with
/// hysteresis), blinks, PERCLOS over a sliding window, yawns, head-off-road time (continuous and within a window)
/// and phone time. Each frame counts for the time since the previous one (capped), so every figure is in seconds.
/// </summary>
public sealed class DriverSignals
{
    private readonly DriverOptions _options;
    private readonly double _frameInterval;
    private readonly MedianFilter _ear;
    private readonly MedianFilter _mar;
    private readonly TimeWeightedWindow _perclos;
    private readonly TimeWeightedWindow _offRoadWindow;
    private readonly Queue<double> _yawns = new();
    private double? _lastTime;
    private bool _eyesClosed;
    private double _closedSeconds;
    private bool _blinking;
    private double _blinkSeconds;
    private bool _mouthOpen;
    private double? _mouthOpenSince;
    private bool _yawnCounted;
    private bool _offRoad;
    private double _offRoadSeconds;
    private double _lastFaceTime = double.NegativeInfinity;
    private double _absentSeconds;
    private double _phoneSeconds;

    public DriverSignals(DriverOptions options, double frameInterval)
    {
        _options = options;
        _frameInterval = frameInterval;
        _ear = new MedianFilter(options.EarMedianFrames);
        _mar = new MedianFilter(options.EarMedianFrames);
        _perclos = new TimeWeightedWindow(options.PerclosWindowSeconds);
        _offRoadWindow = new TimeWeightedWindow(options.DistractionWindowSeconds);
        Calibration = new DriverCalibration(options);
        Blinks = new BlinkStatistics(options.MicrosleepSeconds);
    }

    public DriverCalibration Calibration { get; }
    public BlinkStatistics Blinks { get; }
    public int TotalYawns { get; private set; }

    public DriverSignalState Update(DriverMeasurement m)
    {
        var duration = _lastTime is { } last ? Math.Clamp(m.Time - last, 0, _options.MaxFrameGapSeconds) : _frameInterval;
        _lastTime = m.Time;
        TrackAbsence(m, duration);
        Calibration.Add(m, duration);

        var face = m.FacePresent;
        var ear = face ? _ear.Add(m.Ear) : 0;
        var mar = face ? _mar.Add(m.Mar) : 0;
        var yaw = face ? m.Yaw - Calibration.NeutralYaw : 0;
        var pitch = face ? m.Pitch - Calibration.NeutralPitch : 0;
        var roll = face ? m.Roll - Calibration.NeutralRoll : 0;
        var threshold = _options.EyesClosedThreshold(Calibration.BaselineEar);
        UpdateMouth(m.Time, face, mar);
        // Eyes squeeze during a yawn and foreshorten when the head turns far: neither is an eye closure.
        var eyesReadable = face && Math.Abs(yaw) <= _options.EyesUnreadableYawDegrees && !_mouthOpen;

        UpdateEyes(eyesReadable, ear, threshold, duration);
        UpdateBlink(eyesReadable, ear, duration);
        _perclos.Add(m.Time, duration, counted: eyesReadable, flagged: _eyesClosed);
        UpdateOffRoad(m.Time, face, yaw, pitch, duration);
        _phoneSeconds = m.Phone ? _phoneSeconds + duration : 0;

        var perclos = _perclos.CountedSeconds + 1e-9 >= _options.PerclosMinFaceSeconds ? _perclos.Fraction : (double?)null;
        return new DriverSignalState(m.Time, face, m.Obstructed, Calibration.IsCalibrated, ear, Calibration.BaselineEar,
            threshold, _eyesClosed, _closedSeconds, perclos, mar, _mouthOpen, _yawns.Count, yaw, pitch, roll,
            _offRoad, _offRoadSeconds, _offRoadWindow.FlaggedSeconds, m.Phone, _phoneSeconds);
    }

    private void TrackAbsence(DriverMeasurement m, double duration)
    {
        if (m.FacePresent)
        {
            _absentSeconds = 0;
            _lastFaceTime = m.Time;
            return;
        }
        _ear.Reset();
        _mar.Reset();
        _absentSeconds += duration;
        if (_absentSeconds >= _options.RecalibrateAfterAbsentSeconds && Calibration.IsCalibrated) Calibration.Reset();
    }

    private void UpdateEyes(bool readable, double ear, double threshold, double duration)
    {
        var closed = readable && ear < (_eyesClosed ? threshold + _options.EyesReopenMargin : threshold);
        _closedSeconds = closed ? _closedSeconds + duration : 0;
        _eyesClosed = closed;
    }

    private void UpdateBlink(bool readable, double ear, double duration)
    {
        var dipping = readable && ear < _options.BlinkBaselineFraction * Calibration.BaselineEar;
        if (dipping) _blinkSeconds += duration;
        else if (_blinking) Blinks.ClosureEnded(_blinkSeconds);
        if (!dipping) _blinkSeconds = 0;
        _blinking = dipping;
    }

    private void UpdateMouth(double time, bool face, double mar)
    {
        _mouthOpen = face && mar >= (_mouthOpen ? _options.YawnReleaseMar : _options.YawnMar);
        if (!_mouthOpen)
        {
            _mouthOpenSince = null;
            _yawnCounted = false;
        }
        else
        {
            _mouthOpenSince ??= time;
            if (!_yawnCounted && time - _mouthOpenSince.Value + 1e-9 >= _options.YawnSeconds)
            {
                _yawnCounted = true;
                _yawns.Enqueue(_mouthOpenSince.Value);
                TotalYawns++;
            }
        }
        while (_yawns.Count > 0 && _yawns.Peek() < time - _options.YawnWindowSeconds) _yawns.Dequeue();
    }

    private void UpdateOffRoad(double time, bool face, double yaw, double pitch, double duration)
    {
        var margin = _offRoad ? _options.OffRoadReleaseMarginDegrees : 0;
        _offRoad = face
            ? Math.Abs(yaw) > _options.OffRoadYawDegrees - margin || pitch < -(_options.OffRoadPitchDownDegrees - margin)
            : _offRoad && time - _lastFaceTime <= _options.OffRoadFaceLossCarrySeconds;
        _offRoadSeconds = _offRoad ? _offRoadSeconds + duration : 0;
        _offRoadWindow.Add(time, duration, counted: true, flagged: _offRoad);
    }
}
