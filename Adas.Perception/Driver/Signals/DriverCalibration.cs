namespace Adas.Perception.Driver.Signals;

/// <summary>
/// Learns the driver's own open-eye EAR and neutral head pose from the first seconds of confident, open-eyed,
/// roughly forward-looking frames (medians, so blinks and glances do not move it). Until then, defaults apply.
/// Afterwards both keep following the driver slowly: the baseline EAR as a running 80th percentile of open-eyed
/// frames, the neutral pose as a running median of on-road frames, so a start with drooping eyes or a slouch
/// does not fix a wrong baseline for the whole trip.
/// </summary>
public sealed class DriverCalibration(DriverOptions options)
{
    private readonly List<double> _ears = [];
    private readonly List<double> _yaws = [];
    private readonly List<double> _pitches = [];
    private readonly List<double> _rolls = [];
    private double _seconds;

    public bool IsCalibrated { get; private set; }
    public double BaselineEar { get; private set; } = options.DefaultBaselineEar;
    public double NeutralYaw { get; private set; }
    public double NeutralPitch { get; private set; }
    public double NeutralRoll { get; private set; }

    public void Add(DriverMeasurement m, double duration)
    {
        if (!m.FacePresent || !m.Confident) return;
        if (m.Ear < options.EyesClosedFloor + 0.03) return;
        if (IsCalibrated)
        {
            Follow(m);
            return;
        }
        var towardsCamera = Math.Abs(m.Yaw) <= options.CalibrationMaxYawDegrees && Math.Abs(m.Pitch) <= options.CalibrationMaxPitchDegrees;
        if (!towardsCamera) return;
        _ears.Add(m.Ear);
        _yaws.Add(m.Yaw);
        _pitches.Add(m.Pitch);
        _rolls.Add(m.Roll);
        _seconds += duration;
        if (_seconds + 1e-9 < options.CalibrationSeconds) return;
        BaselineEar = Median(_ears);
        NeutralYaw = Median(_yaws);
        NeutralPitch = Median(_pitches);
        NeutralRoll = Median(_rolls);
        IsCalibrated = true;
        ClearSamples();
    }

    private void Follow(DriverMeasurement m)
    {
        var onRoad = Math.Abs(m.Yaw - NeutralYaw) <= options.OffRoadYawDegrees
                     && m.Pitch - NeutralPitch >= -options.OffRoadPitchDownDegrees;
        if (!onRoad) return;
        const double quantile = 0.8;
        var earStep = options.BaselineEarAdaptationPerFrame;
        BaselineEar += m.Ear > BaselineEar ? earStep * quantile : -earStep * (1 - quantile);
        var poseStep = options.NeutralPoseAdaptationDegreesPerFrame;
        NeutralYaw += Math.Sign(m.Yaw - NeutralYaw) * poseStep;
        NeutralPitch += Math.Sign(m.Pitch - NeutralPitch) * poseStep;
        NeutralRoll += Math.Sign(m.Roll - NeutralRoll) * poseStep;
    }

    /// <summary>Forgets the driver (e.g. after a long absence, someone else may sit down).</summary>
    public void Reset()
    {
        IsCalibrated = false;
        BaselineEar = options.DefaultBaselineEar;
        NeutralYaw = NeutralPitch = NeutralRoll = 0;
        ClearSamples();
    }

    private void ClearSamples()
    {
        _ears.Clear();
        _yaws.Clear();
        _pitches.Clear();
        _rolls.Clear();
        _seconds = 0;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
