namespace Adas.Shared.Rules;

/// <summary>
/// How far a fleet may move each threshold: wide enough to tune, narrow enough that no setting switches a rule off or
/// makes it fire on noise (e.g. FCW critical TTC 0.8-2.5 s around NHTSA's 2.1 s test point).
/// </summary>
public static class RuleSettingRanges
{
    public static readonly IReadOnlyDictionary<string, (double Min, double Max)> ByName = new Dictionary<string, (double, double)>
    {
        [nameof(RuleSettings.ForwardCollisionWarningTtcSeconds)] = (1.5, 4.0),
        [nameof(RuleSettings.ForwardCollisionCriticalTtcSeconds)] = (0.8, 2.5),
        [nameof(RuleSettings.CloseFollowingDistanceMeters)] = (5, 30),
        [nameof(RuleSettings.HeadwayWarningSeconds)] = (0.5, 2.5),
        [nameof(RuleSettings.HeadwayCriticalSeconds)] = (0.3, 1.0),
        [nameof(RuleSettings.PedestrianTtcSeconds)] = (1.5, 5.0),
        [nameof(RuleSettings.LaneDepartureOffsetFraction)] = (0.1, 0.5),
        [nameof(RuleSettings.LaneDepartureMinSpeedKmh)] = (30, 100),
        [nameof(RuleSettings.MicrosleepSeconds)] = (0.5, 3.0),
        [nameof(RuleSettings.PerclosWarning)] = (0.05, 0.5),
        [nameof(RuleSettings.PerclosCritical)] = (0.1, 0.8),
        [nameof(RuleSettings.DistractionSeconds)] = (1.0, 10.0),
        [nameof(RuleSettings.PhoneUseSeconds)] = (0.5, 10.0),
    };
}
