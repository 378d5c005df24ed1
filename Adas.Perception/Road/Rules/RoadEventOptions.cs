namespace Adas.Perception.Road.Rules;

/// <summary>Road event thresholds; defaults are the design's (NHTSA/openpilot/Mobileye, ISO 17361, Samsara anchors).</summary>
public sealed record RoadEventOptions
{
    public double ForwardCollisionWarningTtc { get; init; } = 2.7;
    public double ForwardCollisionCriticalTtc { get; init; } = 1.5;
    public double ForwardCollisionMinDuration { get; init; } = 0.2;
    public double ForwardCollisionCooldown { get; init; } = 3;

    /// <summary>Closing speed (distance × scale rate) below which a short TTC is treated as box noise.</summary>
    public double MinClosingSpeedMetersPerSecond { get; init; } = 1.0;

    /// <summary>A lead vehicle's TTC is trusted only after it has been tracked this long.</summary>
    public double MinTrackAgeSeconds { get; init; } = 0.3;

    public double CloseFollowingDistance { get; init; } = 10;
    public double CloseFollowingMinDuration { get; init; } = 3;
    public double CloseFollowingCooldown { get; init; } = 3;

    /// <summary>
    /// When above zero, close following is not counted while the road is seen to move slower than this (m/s; queues,
    /// lights). Off by default: the design's rule is distance only, and the road-surface speed estimate can be fooled
    /// by a lead vehicle filling the near road at exactly the distances this rule is about.
    /// </summary>
    public double CloseFollowingMinEgoSpeed { get; init; }

    /// <summary>
    /// With the ego speed known (at least <see cref="HeadwayMinEgoSpeed"/> m/s), close following is judged by time
    /// headway (distance / speed) instead of distance: at most this many seconds for <see cref="HeadwayMinDuration"/>.
    /// </summary>
    public double HeadwayWarningSeconds { get; init; } = 1.0;
    public double HeadwayCriticalSeconds { get; init; } = 0.5;
    public double HeadwayMinDuration { get; init; } = 10;
    public double HeadwayMinEgoSpeed { get; init; } = 8;

    public double PedestrianTtc { get; init; } = 3;
    public double PedestrianDistance { get; init; } = 10;
    public double PedestrianCriticalTtc { get; init; } = 1.5;
    public double PedestrianMinDuration { get; init; } = 0.2;
    public double PedestrianCooldown { get; init; } = 3;

    public double LaneDepartureOffsetFraction { get; init; } = 0.25;
    public double LaneDepartureMinDuration { get; init; } = 0.5;
    public double LaneDepartureCooldown { get; init; } = 5;

    /// <summary>Half-width of the fallback ego corridor (a centred trapezoid on the road) when the lane is not known.</summary>
    public double CorridorHalfWidthMeters { get; init; } = 1.8;

    /// <summary>Extra lateral margin for people and cyclists, who may step into the path.</summary>
    public double PedestrianCorridorMarginMeters { get; init; } = 0.6;

    /// <summary>Episodes survive detection gaps this short.</summary>
    public double MaxGapSeconds { get; init; } = 0.3;
}
