namespace Adas.Perception.Driver.Signals;

/// <summary>
/// Learns the driver's own open-eye EAR, closed-mouth MAR and neutral head pose. Until there is evidence, the
/// landmark model's population prior applies, so a driver whose eyes are half-closed or closed from the first
/// frame is judged against a normal open eye, not against their own closed one. Only confidently open eyes (above
/// the model's absolute limit) teach the eye baseline, which stays inside the model's absolute range; the neutral
/// pose is the median of the first seconds of roughly forward-looking frames, the mouth baseline the median of
/// closed-mouth frames. Afterwards all follow the driver slowly (a running 80th percentile of open eyes, running
/// medians of the pose and mouth), so a slouch or tired eyes later on do not fix a wrong baseline for the trip.
/// </summary>
public sealed class DriverCalibration(DriverOptions options)
{
    private const double MarAdaptationPerFrame = 0.0005;
    private readonly LandmarkProfile _profile = options.Profile;
    private readonly List<double> _ears = [];
    private readonly List<double> _yaws = [];
    private readonly List<double> _pitches = [];
    private readonly List<double> _rolls = [];
    private double _poseSeconds;
    private double _eyeSeconds;
    private bool _eyesLearned;

    /// <summary>The neutral pose is known (the first seconds of the driver's face).</summary>
    public bool IsCalibrated { get; private set; }
    public double BaselineEar { get; private set; } = options.Profile.PriorOpenEar;
    public double BaselineMar { get; private set; } = options.Profile.PriorClosedMar;
    public double NeutralYaw { get; private set; }
    public double NeutralPitch { get; private set; }
    public double NeutralRoll { get; private set; }

    public void Add(DriverMeasurement m, double duration)
    {
        if (!m.FacePresent || !m.Confident) return;
        LearnMouth(m.Mar);
        // Only a driver with confidently open eyes teaches anything about the eyes or the pose: closed eyes and a
        // head hanging down with them are what the rules look for, not the driver's normal.
        if (m.Ear < _profile.ConfidentOpenEar) return;
        LearnEyes(m, duration);
        if (IsCalibrated)
        {
            FollowPose(m);
            return;
        }
        var towardsCamera = Math.Abs(m.Yaw) <= options.CalibrationMaxYawDegrees && Math.Abs(m.Pitch) <= options.CalibrationMaxPitchDegrees;
        if (!towardsCamera) return;
        _yaws.Add(m.Yaw);
        _pitches.Add(m.Pitch);
        _rolls.Add(m.Roll);
        _poseSeconds += duration;
        if (_poseSeconds + 1e-9 < options.CalibrationSeconds) return;
        NeutralYaw = Median(_yaws);
        NeutralPitch = Median(_pitches);
        NeutralRoll = Median(_rolls);
        IsCalibrated = true;
        _yaws.Clear();
        _pitches.Clear();
        _rolls.Clear();
    }

    private void LearnEyes(DriverMeasurement m, double duration)
    {
        if (_eyesLearned)
        {
            const double quantile = 0.8;
            var step = options.BaselineEarAdaptationPerFrame;
            BaselineEar = ClampBaseline(BaselineEar + (m.Ear > BaselineEar ? step * quantile : -step * (1 - quantile)));
            return;
        }
        _ears.Add(m.Ear);
        _eyeSeconds += duration;
        if (_eyeSeconds + 1e-9 < options.CalibrationSeconds) return;
        BaselineEar = ClampBaseline(Median(_ears));
        _eyesLearned = true;
        _ears.Clear();
    }

    private void LearnMouth(double mar)
    {
        // Only a mouth near rest teaches the baseline: talking and yawning must not raise it.
        if (mar > BaselineMar + 0.5 * _profile.YawnMarAboveBaseline) return;
        BaselineMar += Math.Sign(mar - BaselineMar) * MarAdaptationPerFrame;
    }

    private double ClampBaseline(double ear) => Math.Clamp(ear, _profile.MinBaselineEar, _profile.MaxBaselineEar);

    private void FollowPose(DriverMeasurement m)
    {
        var onRoad = Math.Abs(m.Yaw - NeutralYaw) <= options.OffRoadYawDegrees
                     && m.Pitch - NeutralPitch >= -options.OffRoadPitchDownDegrees;
        if (!onRoad) return;
        var poseStep = options.NeutralPoseAdaptationDegreesPerFrame;
        NeutralYaw += Math.Sign(m.Yaw - NeutralYaw) * poseStep;
        NeutralPitch += Math.Sign(m.Pitch - NeutralPitch) * poseStep;
        NeutralRoll += Math.Sign(m.Roll - NeutralRoll) * poseStep;
    }

    /// <summary>Forgets the driver (after a long absence or a scene cut, someone else may be in view).</summary>
    public void Reset()
    {
        IsCalibrated = _eyesLearned = false;
        BaselineEar = _profile.PriorOpenEar;
        BaselineMar = _profile.PriorClosedMar;
        NeutralYaw = NeutralPitch = NeutralRoll = 0;
        _ears.Clear();
        _yaws.Clear();
        _pitches.Clear();
        _rolls.Clear();
        _poseSeconds = _eyeSeconds = 0;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
