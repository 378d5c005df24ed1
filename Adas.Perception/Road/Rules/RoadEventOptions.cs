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

    /// <summary>
    /// A collision or close-following warning needs an object the detector is sure of at its last sighting (the
    /// manifest's working score for YOLOX-nano); ByteTrack's low-score matches only keep a track alive. On the night
    /// clip a track carried on by low-score matches onto empty road beside a passed truck read a 1.5 s TTC from a dash
    /// sliding through its box; on the desert clip a low-score "car" box over the whole road 2 m ahead read as close
    /// following for 4 s.
    /// </summary>
    public float MinWarningDetectionScore { get; init; } = 0.3f;

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
    public double PedestrianCriticalTtc { get; init; } = 1.5;
    public double PedestrianMinDuration { get; init; } = 0.2;
    public double PedestrianCooldown { get; init; } = 3;

    /// <summary>
    /// Below this measured ego speed (m/s; about 7 km/h, a creeping car) the vehicle counts as standing (queues,
    /// crossings): pedestrian warnings stay warnings, never critical, since it is the people who move in front of a
    /// standing car (Euro NCAP's pedestrian AEB scenarios all have the car moving).
    /// </summary>
    public double EgoStoppedSpeed { get; init; } = 2;

    /// <summary>
    /// Closing speeds above this (m/s) are measurement noise, not an approach: two cars meeting head-on at 80 km/h each
    /// close at 44 m/s, more than any forward-collision scene on public roads.
    /// </summary>
    public double MaxClosingSpeedMetersPerSecond { get; init; } = 45;

    /// <summary>
    /// A pedestrian or cyclist closes at most this much faster than the ego vehicle drives (m/s): a sprinter peaks
    /// at about 12 m/s, a cyclist crossing at 8-10 m/s. With the ego speed unknown this alone bounds them (unknown is
    /// reported as unknown, never taken as moving).
    /// </summary>
    public double MaxVulnerableOwnSpeedMetersPerSecond { get; init; } = 12;

    /// <summary>
    /// Lane departure warnings only above this measured ego speed (m/s): LDW systems are active from 60 km/h
    /// (ISO 17361:2017 and UNECE R130 minimum activation speed; 16.7 m/s). With the speed unknown there is no warning.
    /// </summary>
    public double LaneDepartureMinSpeedMetersPerSecond { get; init; } = 16.7;

    /// <summary>Both lane lines must be at least this confident (0-1) for a lane departure (ISO 17361: a warning needs visible markings).</summary>
    public double LaneDepartureMinLineConfidence { get; init; } = 0.7;

    /// <summary>
    /// A lane departure is judged only against a lane of its usual width: within this fraction of the width followed
    /// over the last seconds (<see cref="LaneWidthTrack"/>). Lanes widen or narrow over tapers of tens of metres
    /// (AASHTO Green Book: lane-width transitions at 10:1 or flatter, i.e. over a second or more at highway speed
    /// for a whole lane), so a jump between frames means a line has moved to a kerb's foot or a seam.
    /// </summary>
    public double LaneDepartureWidthTolerance { get; init; } = 0.15;

    /// <summary>
    /// A different width held this long (s) becomes the lane's usual width: longer than a widening at an exit or a
    /// broad shoulder (4 s on the expressway clip).
    /// </summary>
    public double LaneDepartureWidthReacquireSeconds { get; init; } = 5;

    /// <summary>Time constant (s) with which the usual width follows gradual changes.</summary>
    public double LaneDepartureWidthTimeConstantSeconds { get; init; } = 2;

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
