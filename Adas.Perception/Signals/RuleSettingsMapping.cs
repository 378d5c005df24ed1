using Adas.Perception.Driver;
using Adas.Perception.Road.Rules;
using Adas.Shared.Rules;

namespace Adas.Perception.Signals;

/// <summary>A fleet's <see cref="RuleSettings"/> put into the rules' own options; what they do not name keeps its value.</summary>
public static class RuleSettingsMapping
{
    public static RoadEventOptions Apply(this RoadEventOptions options, RuleSettings s) => options with
    {
        ForwardCollisionWarningTtc = s.ForwardCollisionWarningTtcSeconds,
        ForwardCollisionCriticalTtc = s.ForwardCollisionCriticalTtcSeconds,
        CloseFollowingDistance = s.CloseFollowingDistanceMeters,
        HeadwayWarningSeconds = s.HeadwayWarningSeconds,
        HeadwayCriticalSeconds = s.HeadwayCriticalSeconds,
        PedestrianTtc = s.PedestrianTtcSeconds,
        LaneDepartureOffsetFraction = s.LaneDepartureOffsetFraction,
        LaneDepartureMinSpeedMetersPerSecond = s.LaneDepartureMinSpeedKmh / 3.6,
    };

    public static DriverOptions Apply(this DriverOptions options, RuleSettings s) => options with
    {
        MicrosleepSeconds = s.MicrosleepSeconds,
        PerclosWarning = s.PerclosWarning,
        PerclosCritical = s.PerclosCritical,
        DistractionSeconds = s.DistractionSeconds,
        PhoneSeconds = s.PhoneUseSeconds,
    };

    public static RuleOptions Apply(this RuleOptions options, RuleSettings s) =>
        options with { Road = options.Road.Apply(s), Driver = options.Driver.Apply(s) };
}
