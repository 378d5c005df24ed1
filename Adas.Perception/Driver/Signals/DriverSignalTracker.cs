using Adas.Perception.Analysis;
using Adas.Perception.Events;

namespace Adas.Perception.Driver.Signals;

/// <summary>
/// The image-free half of driver monitoring: fed one <see cref="DriverMeasurement"/> per frame, it keeps the
/// signals, applies the event rules and summarises each second. Unit-testable with synthetic sequences.
/// </summary>
public sealed class DriverSignalTracker(DriverOptions options, double frameInterval = 1.0 / 30)
{
    private readonly DriverSignals _signals = new(options, frameInterval);
    private readonly DriverEventRules _rules = new(options, frameInterval);
    private readonly DriverSecondAggregator _seconds = new();
    private int _frames;
    private int _faceFrames;

    public DriverCalibration Calibration => _signals.Calibration;
    public BlinkStatistics Blinks => _signals.Blinks;
    public int SceneCuts { get; private set; }

    /// <summary>A scene cut: the face in view may be someone else's, so calibration and face signals start over.</summary>
    public void SceneCut()
    {
        _signals.ResetDriver();
        SceneCuts++;
    }

    /// <param name="snapshot">Optional: a JPEG of the current frame, asked for when an episode's peak moves here.</param>
    public DriverFrameStatus Update(DriverMeasurement measurement, Func<byte[]?>? snapshot = null)
    {
        var s = _signals.Update(measurement);
        _rules.Update(s, snapshot);
        var state = StateOf(s);
        _seconds.Add(s, state);
        _frames++;
        if (s.FacePresent) _faceFrames++;
        return new DriverFrameStatus(s, state, _rules.Active);
    }

    public (IReadOnlyList<AnalysisEvent> Events, IReadOnlyList<DriverSecond> Seconds, IReadOnlyDictionary<string, object?> Summary) Complete()
    {
        var events = _rules.Complete();
        var seconds = _seconds.Complete();
        var minutes = Math.Max(seconds.Count, 1) / 60.0;
        var summary = new Dictionary<string, object?>
        {
            ["calibrated"] = Calibration.IsCalibrated,
            ["baseline_ear"] = Math.Round(Calibration.BaselineEar, 3),
            ["baseline_mar"] = Math.Round(Calibration.BaselineMar, 3),
            ["scene_cuts"] = SceneCuts,
            ["neutral_yaw"] = Math.Round(Calibration.NeutralYaw, 1),
            ["neutral_pitch"] = Math.Round(Calibration.NeutralPitch, 1),
            ["face_present_fraction"] = _frames == 0 ? 0 : Math.Round((double)_faceFrames / _frames, 3),
            ["blinks"] = Blinks.Count,
            ["blinks_per_minute"] = Math.Round(Blinks.Count / minutes, 1),
            ["mean_blink_seconds"] = Math.Round(Blinks.MeanSeconds, 3),
            ["longest_blink_seconds"] = Math.Round(Blinks.LongestSeconds, 3),
            ["yawns"] = _signals.TotalYawns,
        };
        return (events, seconds, summary);
    }

    private string StateOf(DriverSignalState s) => s switch
    {
        { Obstructed: true } => DriverStates.Obstructed,
        { FacePresent: false } => DriverStates.Absent,
        { EyesClosed: true } => DriverStates.EyesClosed,
        _ when _rules.DrowsinessActive => DriverStates.Drowsy,
        { Phone: true } => DriverStates.Phone,
        { OffRoad: true } => DriverStates.Distracted,
        _ when _rules.YawningActive => DriverStates.Yawning,
        _ => DriverStates.Alert,
    };
}
