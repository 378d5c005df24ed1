using Adas.Perception.Events;

namespace Adas.Perception.Driver.Signals;

/// <summary>
/// The driver event rules (microsleep, sleep, drowsiness, yawning, distraction, phone use, obstruction, absence) as
/// episodes. Euro NCAP DSM defaults: eyes closed 1-3 s a microsleep, 3 s or more sleep, 6 s or more (or off the road
/// 6 s) unresponsive, all critical; off the road 3 s at once, or 10 s within 30 s, distraction.
/// </summary>
public sealed class DriverEventRules
{
    private readonly DriverOptions _options;
    private readonly EpisodeDetector _microsleep;
    private readonly EpisodeDetector _drowsiness;
    private readonly EpisodeDetector _yawning;
    private readonly EpisodeDetector _lookingAway;
    private readonly EpisodeDetector _glancing;
    private readonly EpisodeDetector _phone;
    private readonly EpisodeDetector _obstructed;
    private readonly EpisodeDetector _absent;
    private readonly EpisodeDetector[] _all;
    private bool _perclosDrowsy;

    /// <param name="frameInterval">Seconds between frames: a gap of one frame never splits an episode, even at low frame rates.</param>
    public DriverEventRules(DriverOptions options, double frameInterval = 1.0 / 30)
    {
        _options = options;
        double Gap(double seconds) => Math.Max(seconds, 1.5 * frameInterval);
        _microsleep = new EpisodeDetector(EventTypes.Microsleep, options.MicrosleepSeconds, maxGap: Gap(0.3));
        _drowsiness = new EpisodeDetector(EventTypes.Drowsiness, 0, options.DrowsinessCooldownSeconds, maxGap: Gap(1.0));
        _yawning = new EpisodeDetector(EventTypes.Yawning, options.YawnSeconds, maxGap: Gap(0.1));
        _lookingAway = new EpisodeDetector(EventTypes.Distraction, options.DistractionSeconds, options.EventCooldownSeconds, maxGap: Gap(0.3));
        _glancing = new EpisodeDetector(EventTypes.Distraction, 0, options.EventCooldownSeconds, maxGap: Gap(1.0));
        _phone = new EpisodeDetector(EventTypes.PhoneUse, options.PhoneSeconds, options.EventCooldownSeconds, Gap(options.PhoneMaxGapSeconds));
        _obstructed = new EpisodeDetector(EventTypes.CameraObstructed, options.AbsentSeconds, options.EventCooldownSeconds, maxGap: Gap(0.5));
        _absent = new EpisodeDetector(EventTypes.DriverAbsent, options.AbsentSeconds, options.EventCooldownSeconds, maxGap: Gap(0.5));
        _all = [_microsleep, _drowsiness, _yawning, _lookingAway, _glancing, _phone, _obstructed, _absent];
    }

    public bool DrowsinessActive => _drowsiness.IsActive;
    public bool YawningActive => _yawning.IsActive;

    public IReadOnlyList<ActiveWarning> Active =>
        [.. _all.Where(d => d.IsActive).GroupBy(d => d.Type)
            .Select(g => new ActiveWarning(g.Key, g.Max(d => d.ActiveSeverity ?? EventSeverity.Info)))];

    public void Update(DriverSignalState s, Func<byte[]?>? snapshot = null)
    {
        var t = s.Time;
        _microsleep.Update(t, s.EyesClosed, EventSeverity.Critical, "eyes_closed_seconds", s.ClosedSeconds,
            details: s.EyesClosed ? Details(("baseline_ear", s.BaselineEar), ("ear_threshold", s.EarThreshold)) : null, snapshot: snapshot);
        UpdateDrowsiness(s, snapshot);
        _yawning.Update(t, s.MouthOpen, EventSeverity.Info, "mar", s.Mar, snapshot: snapshot);
        // Distraction two ways: one look away of at least DistractionSeconds (the episode starts when the look
        // started), or glances adding up to more than DistractionCumulativeSeconds within the window.
        var offRoadDetails = s.OffRoad ? Details(("off_road_continuous_seconds", s.OffRoadSeconds), ("yaw", s.Yaw), ("pitch", s.Pitch)) : null;
        var unresponsive = s.OffRoad && s.OffRoadSeconds + 1e-9 >= _options.UnresponsiveSeconds;
        if (unresponsive) offRoadDetails!["unresponsive"] = true;
        _lookingAway.Update(t, s.OffRoad, unresponsive ? EventSeverity.Critical : EventSeverity.Warning, "off_road_seconds_in_window", s.OffRoadInWindowSeconds,
            details: offRoadDetails, snapshot: snapshot);
        _glancing.Update(t, s.OffRoad && s.OffRoadInWindowSeconds > _options.DistractionCumulativeSeconds, EventSeverity.Warning,
            "off_road_seconds_in_window", s.OffRoadInWindowSeconds, details: offRoadDetails, snapshot: snapshot);
        _phone.Update(t, s.Phone, EventSeverity.Warning, "phone_seconds", s.PhoneSeconds, snapshot: snapshot);
        _obstructed.Update(t, s.Obstructed, EventSeverity.Warning, snapshot: snapshot);
        _absent.Update(t, !s.FacePresent && !s.Obstructed, EventSeverity.Warning, snapshot: snapshot);
    }

    public IReadOnlyList<AnalysisEvent> Complete()
    {
        var distraction = EpisodeMerger.Merge([.. _lookingAway.Complete(), .. _glancing.Complete()], _options.EventCooldownSeconds);
        var closures = _microsleep.Complete().Select(SleepOrMicrosleep);
        return [.. _all.Except([_lookingAway, _glancing, _microsleep]).SelectMany(d => d.Complete()).Concat(distraction).Concat(closures)
            .OrderBy(e => e.StartSeconds).ThenBy(e => e.Type, StringComparer.Ordinal)];
    }

    /// <summary>An eye closure of <see cref="DriverOptions.SleepSeconds"/> or more is sleep, not a microsleep.</summary>
    private AnalysisEvent SleepOrMicrosleep(AnalysisEvent closure)
    {
        var seconds = closure.EndSeconds - closure.StartSeconds;
        if (seconds + 1e-9 < _options.SleepSeconds) return closure;
        var details = new Dictionary<string, object?>(closure.Details ?? new Dictionary<string, object?>())
        {
            ["unresponsive"] = seconds + 1e-9 >= _options.UnresponsiveSeconds,
        };
        return closure with { Type = EventTypes.Sleep, Details = details };
    }

    private void UpdateDrowsiness(DriverSignalState s, Func<byte[]?>? snapshot)
    {
        var perclos = s.Perclos ?? 0;
        var release = _options.PerclosWarning * _options.PerclosReleaseFactor;
        _perclosDrowsy = s.Perclos is not null && (perclos >= _options.PerclosWarning || (_perclosDrowsy && perclos >= release));
        var yawny = s.YawnsInWindow >= _options.YawnsForDrowsiness;
        var nodding = s.NodsInWindow >= _options.NodsForDrowsiness;
        var slowBlinks = s.LongClosuresInWindow >= _options.LongClosuresForDrowsiness;
        if (!_perclosDrowsy && !yawny && !s.HeadDrooping && !nodding && !slowBlinks)
        {
            _drowsiness.Update(s.Time, false);
            return;
        }
        // Drooping with the eyes closed is as bad as it gets short of a microsleep.
        var severity = perclos >= _options.PerclosCritical || (s.HeadDrooping && s.EyesClosed) ? EventSeverity.Critical : EventSeverity.Warning;
        var details = Details(("perclos", perclos), ("yawns_in_window", s.YawnsInWindow), ("head_droop_seconds", s.DroopSeconds),
            ("nods_in_window", s.NodsInWindow), ("long_closures_in_window", s.LongClosuresInWindow));
        var (metric, value) = _perclosDrowsy ? ("perclos", perclos)
            : s.HeadDrooping ? ("head_droop_seconds", s.DroopSeconds)
            : slowBlinks ? ("long_closures_in_window", s.LongClosuresInWindow)
            : yawny ? ("yawns_in_window", s.YawnsInWindow)
            : ("nods_in_window", (double)s.NodsInWindow);
        _drowsiness.Update(s.Time, true, severity, metric, value, details: details, snapshot: snapshot);
    }

    private static Dictionary<string, object?> Details(params (string Key, object? Value)[] items) =>
        items.ToDictionary(i => i.Key, i => i.Value is double d ? Math.Round(d, 3) : i.Value);
}
