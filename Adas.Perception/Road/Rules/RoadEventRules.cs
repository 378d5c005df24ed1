using Adas.Perception.Detection;
using Adas.Perception.Events;

namespace Adas.Perception.Road.Rules;

/// <summary>
/// The road event rules, each an <see cref="EpisodeDetector"/> fed once per frame: forward collision warning,
/// close following (by distance, or by time headway when the ego speed is known), pedestrian collision warning and
/// lane departure.
/// </summary>
public sealed class RoadEventRules(RoadEventOptions options)
{
    private readonly EpisodeDetector _forwardCollision = new(EventTypes.ForwardCollisionWarning, options.ForwardCollisionMinDuration,
        options.ForwardCollisionCooldown, options.MaxGapSeconds, higherIsWorse: false);
    private readonly EpisodeDetector _closeFollowing = new(EventTypes.CloseFollowing, options.CloseFollowingMinDuration,
        options.CloseFollowingCooldown, options.MaxGapSeconds, higherIsWorse: false);
    private readonly EpisodeDetector _headway = new(EventTypes.CloseFollowing, options.HeadwayMinDuration,
        options.CloseFollowingCooldown, options.MaxGapSeconds, higherIsWorse: false);
    private readonly EpisodeDetector _pedestrian = new(EventTypes.PedestrianCollisionWarning, options.PedestrianMinDuration,
        options.PedestrianCooldown, options.MaxGapSeconds, higherIsWorse: false);
    private readonly EpisodeDetector _laneDeparture = new(EventTypes.LaneDeparture, options.LaneDepartureMinDuration,
        options.LaneDepartureCooldown, options.MaxGapSeconds);
    private readonly LaneWidthTrack _laneWidth = new(options.LaneDepartureWidthTolerance, options.LaneDepartureWidthReacquireSeconds,
        options.LaneDepartureWidthTimeConstantSeconds);

    public RoadObject? Lead { get; private set; }

    public IEnumerable<(string Type, EventSeverity Severity)> Active =>
        Detectors.Where(d => d.IsActive).Select(d => (d.Type, d.ActiveSeverity!.Value));

    public void Evaluate(RoadObservation frame)
    {
        Lead = frame.Objects
            .Where(o => CocoClasses.IsVehicle(o.ClassId) && o.InCorridor && o.DistanceMeters is not null
                        && o.DetectionScore >= options.MinWarningDetectionScore)
            .MinBy(o => o.DistanceMeters);
        ForwardCollision(frame);
        CloseFollowing(frame);
        Pedestrians(frame);
        LaneDeparture(frame);
    }

    private void ForwardCollision(RoadObservation frame)
    {
        var lead = Lead;
        var closing = lead is { TtcSeconds: { } ttc } && lead.TrackAgeSeconds >= options.MinTrackAgeSeconds
                      && IsPlausiblyClosing(lead, frame) && ttc <= options.ForwardCollisionWarningTtc;
        if (!closing) { _forwardCollision.Update(frame.Time, false); return; }
        var severity = Severity(frame, lead!.TtcSeconds <= options.ForwardCollisionCriticalTtc);
        _forwardCollision.Update(frame.Time, true, severity, "ttc_seconds", Math.Round(lead.TtcSeconds!.Value, 2), lead.TrackId,
            Details(lead), () => frame.Snapshot?.Invoke(lead.Box));
    }

    private void CloseFollowing(RoadObservation frame)
    {
        var lead = Lead;
        if (frame.EgoSpeedMetersPerSecond is { } speed && speed >= options.HeadwayMinEgoSpeed)
        {
            _closeFollowing.Update(frame.Time, false);
            Headway(frame, lead, speed);
            return;
        }
        _headway.Update(frame.Time, false);
        var close = lead is { DistanceMeters: { } d } && d <= options.CloseFollowingDistance && !frame.EgoKnownSlow;
        if (!close) { _closeFollowing.Update(frame.Time, false); return; }
        _closeFollowing.Update(frame.Time, true, EventSeverity.Warning, "distance_m", Math.Round(lead!.DistanceMeters!.Value, 1),
            lead.TrackId, Details(lead), () => frame.Snapshot?.Invoke(lead.Box));
    }

    private void Headway(RoadObservation frame, RoadObject? lead, double egoSpeed)
    {
        var headway = lead?.DistanceMeters / egoSpeed;
        if (headway is not { } h || h > options.HeadwayWarningSeconds) { _headway.Update(frame.Time, false); return; }
        var severity = h <= options.HeadwayCriticalSeconds ? EventSeverity.Critical : EventSeverity.Warning;
        var details = Details(lead!);
        details["egoSpeedMps"] = Math.Round(egoSpeed, 1);
        _headway.Update(frame.Time, true, severity, "headway_seconds", Math.Round(h, 2), lead!.TrackId, details,
            () => frame.Snapshot?.Invoke(lead.Box));
    }

    private void Pedestrians(RoadObservation frame)
    {
        // People moving in front of a standing vehicle are no collision risk (the design's rule; UNECE R159 warns
        // only when the vehicle moves off): nothing fires while the whole view stands.
        if (frame.EgoStanding) { _pedestrian.Update(frame.Time, false); return; }
        var threat = frame.Objects
            .Where(o => CocoClasses.IsVulnerableRoadUser(o.ClassId) && o.InPedestrianCorridor && o.DistanceMeters is not null
                        && o.TrackAgeSeconds >= options.MinTrackAgeSeconds && o.DetectionScore >= options.MinWarningDetectionScore)
            .Where(o => o.TtcSeconds <= options.PedestrianTtc && IsPlausiblyClosing(o, frame))
            .MinBy(o => o.TtcSeconds);
        if (threat is null) { _pedestrian.Update(frame.Time, false); return; }
        var severity = Severity(frame, threat.TtcSeconds <= options.PedestrianCriticalTtc);
        _pedestrian.Update(frame.Time, true, severity, "distance_m", Math.Round(threat.DistanceMeters!.Value, 1), threat.TrackId,
            Details(threat), () => frame.Snapshot?.Invoke(threat.Box));
    }

    private void LaneDeparture(RoadObservation frame)
    {
        var lane = frame.Lane;
        var usualWidth = _laneWidth.IsUsual(frame.Time, lane is { BothConfident: true } ? lane.LaneWidthMeters : null);
        var departing = lane is { BothConfident: true, OffsetFraction: { } o, Left.Confidence: var l, Right.Confidence: var r }
                        && Math.Min(l, r) >= options.LaneDepartureMinLineConfidence
                        && usualWidth
                        && frame.EgoSpeedMetersPerSecond >= options.LaneDepartureMinSpeedMetersPerSecond
                        && Math.Abs(o) > options.LaneDepartureOffsetFraction;
        if (!departing) { _laneDeparture.Update(frame.Time, false); return; }
        var offset = lane.OffsetFraction!.Value;
        var details = new Dictionary<string, object?>
        {
            ["direction"] = offset > 0 ? "right" : "left",
            ["offsetFraction"] = Math.Round(offset, 3),
            ["offsetMeters"] = lane.OffsetMeters is { } m ? Math.Round(m, 2) : null,
        };
        _laneDeparture.Update(frame.Time, true, EventSeverity.Warning, "lane_offset_fraction", Math.Round(Math.Abs(offset), 3),
            null, details, () => frame.Snapshot?.Invoke(null));
    }

    /// <summary>
    /// Whether a rule would act on this object's TTC in this frame (the overlay draws only those: a viewer trusts what
    /// is drawn): a sure, settled detection in the path (people and cyclists: in theirs, the vehicle moving), closing
    /// at a speed an approach can have.
    /// </summary>
    public bool BelievesTtc(RoadObject o, RoadObservation frame)
    {
        var inPath = CocoClasses.IsVulnerableRoadUser(o.ClassId) ? o.InPedestrianCorridor && !frame.EgoStanding
            : CocoClasses.IsVehicle(o.ClassId) && o.InCorridor;
        return inPath && o.TtcSeconds is not null && o.TrackAgeSeconds >= options.MinTrackAgeSeconds
               && o.DetectionScore >= options.MinWarningDetectionScore && IsPlausiblyClosing(o, frame);
    }

    /// <summary>
    /// Closing at a speed an approach can have: at least the box-noise floor, at most what vehicles (or a person or
    /// cyclist on top of the ego speed) reach; anything faster is jitter of the box, not a threat.
    /// </summary>
    private bool IsPlausiblyClosing(RoadObject o, RoadObservation frame)
    {
        if (o.ClosingSpeed is not { } speed || speed < options.MinClosingSpeedMetersPerSecond) return false;
        // With the ego speed unknown a person still cannot close faster than a person runs: unknown is not moving.
        var max = CocoClasses.IsVulnerableRoadUser(o.ClassId)
            ? Math.Min(options.MaxClosingSpeedMetersPerSecond, (frame.EgoSpeedMetersPerSecond ?? 0) + options.MaxVulnerableOwnSpeedMetersPerSecond)
            : options.MaxClosingSpeedMetersPerSecond;
        return speed <= max;
    }

    /// <summary>
    /// A collision warning is critical only while the ego vehicle is known to move (measured speed ≥ EgoStoppedSpeed;
    /// 0 when the whole view stands): a standing car cannot brake any harder, what closes on it is the other's doing,
    /// and an unknown speed is not taken as moving (a busy crossing with no road in view read five criticals).
    /// </summary>
    private EventSeverity Severity(RoadObservation frame, bool critical) =>
        critical && frame.EgoSpeedMetersPerSecond >= options.EgoStoppedSpeed ? EventSeverity.Critical : EventSeverity.Warning;

    private static Dictionary<string, object?> Details(RoadObject o) => new()
    {
        ["class"] = o.Label,
        ["distanceMeters"] = o.DistanceMeters is { } d ? Math.Round(d, 1) : null,
        ["ttcSeconds"] = o.TtcSeconds is { } t ? Math.Round(t, 2) : null,
        ["closingSpeedMps"] = o.ClosingSpeed is { } v ? Math.Round(v, 1) : null,
        ["ttcSource"] = o.TtcFromAppearance ? "appearance" : "box",
    };

    public IReadOnlyList<AnalysisEvent> Complete() =>
        [.. Detectors.SelectMany(d => d.Complete())];

    private EpisodeDetector[] Detectors => [_forwardCollision, _closeFollowing, _headway, _pedestrian, _laneDeparture];
}
