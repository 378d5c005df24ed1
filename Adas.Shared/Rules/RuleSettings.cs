namespace Adas.Shared.Rules;

/// <summary>
/// The event thresholds a fleet may change (defaults from the design brief), each within <see cref="RuleSettingRanges"/>.
/// The worker applies them to the road and driver rules; everything else about the rules stays at the pipeline's values.
/// </summary>
public sealed record RuleSettings
{
    public double ForwardCollisionWarningTtcSeconds { get; init; } = 2.7;
    public double ForwardCollisionCriticalTtcSeconds { get; init; } = 1.5;
    public double CloseFollowingDistanceMeters { get; init; } = 10;
    public double HeadwayWarningSeconds { get; init; } = 1.0;
    public double HeadwayCriticalSeconds { get; init; } = 0.5;
    public double PedestrianTtcSeconds { get; init; } = 3;
    public double LaneDepartureOffsetFraction { get; init; } = 0.25;
    public double LaneDepartureMinSpeedKmh { get; init; } = 60;
    public double MicrosleepSeconds { get; init; } = 1.0;
    public double PerclosWarning { get; init; } = 0.15;
    public double PerclosCritical { get; init; } = 0.30;
    public double DistractionSeconds { get; init; } = 3;
    public double PhoneUseSeconds { get; init; } = 2;

    public static RuleSettings Defaults { get; } = new();
}
