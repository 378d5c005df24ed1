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
    private readonly YawnTracker _yawn;
    private readonly HeadMotion _head;
    private readonly Queue<double> _longClosures = new();
    private double? _lastTime;
    private bool _eyesClosed;
    private double _closedSeconds;
    private bool _blinking;
    private double _blinkSeconds;
    private bool _blinkClosed;
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
        _yawn = new YawnTracker(options);
        _head = new HeadMotion(options);
    }

    public DriverCalibration Calibration { get; }
    public BlinkStatistics Blinks { get; }
    public int TotalYawns => _yawn.Total;

    /// <summary>Forgets the driver and what their face was doing (a scene cut: another shot, maybe another person).</summary>
    public void ResetDriver()
    {
        Calibration.Reset();
        _ear.Reset();
        _mar.Reset();
        _yawn.Reset();
        _head.Reset();
        // A closure cut off by the edit still happened.
        if (IsSlowBlink() && _lastTime is { } last) _longClosures.Enqueue(last);
        _eyesClosed = _blinking = _blinkClosed = _offRoad = false;
        _closedSeconds = _blinkSeconds = _offRoadSeconds = 0;
    }

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
        // A face turned far shows the mouth in profile: its opening is not readable either.
        _yawn.Update(m.Time, face && Math.Abs(yaw) <= _options.EyesUnreadableYawDegrees, mar, Calibration.BaselineMar);
        // Eyes squeeze during a yawn, foreshorten when the head turns far and are seen from above when it pitches
        // down (lids over eyes looking at the lap): none of that is an eye closure. Before calibration the pitch holds
        // the camera's own angle too (mounted above or below the face), so only a steeper look down counts then.
        var pitchDownLimit = Calibration.IsCalibrated ? _options.EyesUnreadablePitchDownDegrees : _options.EyesUnreadablePitchDownUncalibratedDegrees;
        var lookingDown = face && pitch < -pitchDownLimit;
        var eyesReadable = face && Math.Abs(yaw) <= _options.EyesUnreadableYawDegrees && !lookingDown && !_yawn.EyesUnreadable(m.Time);

        UpdateEyes(m.Time, eyesReadable, ear, threshold, duration);
        UpdateBlink(m.Time, eyesReadable, ear, duration);
        _perclos.Add(m.Time, duration, counted: eyesReadable, flagged: _eyesClosed);
        var eyesNotOpen = face && ear < _options.BlinkBaselineFraction * Calibration.BaselineEar;
        _head.Update(m.Time, face, pitch, eyesNotOpen, duration);
        // Looking down is off the road (Euro NCAP), whatever the lids seen from above look like.
        UpdateOffRoad(m.Time, face, yaw, pitch, duration);
        _phoneSeconds = m.Phone ? _phoneSeconds + duration : 0;

        var perclos = _perclos.CountedSeconds + 1e-9 >= _options.PerclosMinFaceSeconds ? _perclos.Fraction : (double?)null;
        return new DriverSignalState(m.Time, face, m.Obstructed, Calibration.IsCalibrated, ear, Calibration.BaselineEar,
            threshold, _eyesClosed, _closedSeconds, perclos, mar, _yawn.Yawning, _yawn.InWindow, yaw, pitch, roll,
            _offRoad, _offRoadSeconds, _offRoadWindow.FlaggedSeconds, m.Phone, _phoneSeconds, _yawn.Threshold,
            _head.Drooping, _head.DroopSeconds, _head.NodsInWindow, _longClosures.Count);
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

    private void UpdateEyes(double time, bool readable, double ear, double threshold, double duration)
    {
        var closed = readable && ear < (_eyesClosed ? threshold + _options.EyesReopenMargin : threshold);
        while (_longClosures.Count > 0 && _longClosures.Peek() < time - _options.LongClosureWindowSeconds) _longClosures.Dequeue();
        _closedSeconds = closed ? _closedSeconds + duration : 0;
        _eyesClosed = closed;
    }

    /// <summary>
    /// A slow blink: the lids down (below the blink level) for at least <see cref="DriverOptions.LongClosureSeconds"/>,
    /// closing fully on the way; lids held low without closing (squinting into the sun) are not one.
    /// </summary>
    private bool IsSlowBlink() => _blinking && _blinkClosed && _blinkSeconds + 1e-9 >= _options.LongClosureSeconds;

    private void UpdateBlink(double time, bool readable, double ear, double duration)
    {
        var dipping = readable && ear < _options.BlinkBaselineFraction * Calibration.BaselineEar;
        if (dipping) _blinkSeconds += duration;
        else if (_blinking)
        {
            Blinks.ClosureEnded(_blinkSeconds);
            if (IsSlowBlink()) _longClosures.Enqueue(time);
        }
        _blinkClosed = dipping && (_blinkClosed || _eyesClosed);
        if (!dipping) _blinkSeconds = 0;
        _blinking = dipping;
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
