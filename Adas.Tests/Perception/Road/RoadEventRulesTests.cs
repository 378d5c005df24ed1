using Adas.Perception.Detection;
using Adas.Perception.Events;
using Adas.Perception.Road.Lanes;
using Adas.Perception.Road.Rules;
using OpenCvSharp;

namespace Adas.Tests.Perception.Road;

public sealed class RoadEventRulesTests
{
    private const double Frame = 0.04;

    private static RoadObject Vehicle(double distance, double? ttc, bool inCorridor = true, int id = 1) =>
        new(id, CocoClasses.Car, "car", new Rect2f(400, 300, 80, 60), distance, ttc, ttc is { } t ? 1 / t : 0, 2.0, inCorridor, inCorridor);

    private static RoadObject Person(double distance, double? ttc, bool inCorridor = true) =>
        new(7, CocoClasses.Person, "person", new Rect2f(450, 280, 30, 90), distance, ttc, ttc is { } t ? 1 / t : 0, 2.0, inCorridor, inCorridor);

    private static LaneState Lane(double offset, bool confident = true) =>
        new(new LaneLine(new LanePolynomial(0, 0, 0.25), 0.9), new LaneLine(new LanePolynomial(0, 0, 0.75), confident ? 0.9 : 0.2),
            confident, confident ? offset : null, confident ? offset * 3.7 : null, 3.7);

    /// <summary>Feeds frames from <paramref name="from"/> to <paramref name="to"/> seconds with the given objects and lane.</summary>
    private static void Run(RoadEventRules rules, double from, double to, Func<double, IReadOnlyList<RoadObject>> objects,
        Func<double, LaneState>? lane = null, double? egoSpeed = null)
    {
        for (var t = from; t < to - 1e-9; t += Frame)
            rules.Evaluate(new RoadObservation(t, objects(t), lane?.Invoke(t) ?? LaneState.None, _ => [1, 2, 3],
                EgoSpeedMetersPerSecond: egoSpeed));
    }

    private static IReadOnlyList<RoadObject> None(double _) => [];

    /// <summary>A measured ego speed: criticals need the car known to move, and under 8 m/s distance rules close following.</summary>
    private const double Moving = 5;

    [Fact]
    public void Forward_collision_warning_needs_ttc_under_threshold_for_the_minimum_duration()
    {
        var brief = new RoadEventRules(new RoadEventOptions());
        Run(brief, 0, 0.12, _ => [Vehicle(20, 2.5)]);
        Run(brief, 0.12, 2, None);
        Assert.Empty(brief.Complete());

        var sustained = new RoadEventRules(new RoadEventOptions());
        Run(sustained, 0, 1.2, t => [Vehicle(20 - 8 * t, 2.5 - t)], egoSpeed: Moving);
        Run(sustained, 1.2, 2, None);
        var e = Assert.Single(sustained.Complete());
        Assert.Equal(EventTypes.ForwardCollisionWarning, e.Type);
        Assert.Equal(EventSeverity.Critical, e.Severity);
        Assert.Equal(0, e.StartSeconds, 3);
        Assert.InRange(e.EndSeconds, 1.1, 1.2);
        Assert.Equal("ttc_seconds", e.PeakMetric);
        Assert.InRange(e.PeakValue!.Value, 1.3, 1.4);
        Assert.Equal(1, e.TrackId);
        Assert.NotNull(e.Snapshot);
    }

    [Fact]
    public void A_warning_that_ends_and_turns_critical_within_the_cooldown_escalates_the_same_event()
    {
        var rules = new RoadEventRules(new RoadEventOptions());
        Run(rules, 0, 0.6, _ => [Vehicle(20, 2.5)]);
        Run(rules, 0.6, 1.0, _ => [Vehicle(19, 2.9)]); // the estimate wanders above the threshold: the episode ends
        Run(rules, 1.0, 1.4, _ => [Vehicle(17, 2.4)]); // a repeat within the cooldown: not a new event
        Run(rules, 1.4, 2.0, _ => [Vehicle(10, 1.2)], egoSpeed: Moving); // now critical
        Run(rules, 2.0, 3.0, None);

        var e = Assert.Single(rules.Complete());
        Assert.Equal(EventSeverity.Critical, e.Severity);
        Assert.Equal(0, e.StartSeconds, 3);
        Assert.InRange(e.EndSeconds, 1.9, 2.0);
        Assert.Equal(1.2, e.PeakValue!.Value, 3);
    }

    [Theory]
    [InlineData(2.0, EventSeverity.Warning)]
    [InlineData(1.4, EventSeverity.Critical)]
    public void Forward_collision_severity_follows_the_ttc_bands(double ttc, EventSeverity expected)
    {
        var rules = new RoadEventRules(new RoadEventOptions());
        Run(rules, 0, 0.5, _ => [Vehicle(15, ttc)], egoSpeed: Moving);
        Assert.Equal(expected, Assert.Single(rules.Complete()).Severity);
    }

    [Fact]
    public void Forward_collision_warning_ignores_vehicles_outside_the_corridor_not_closing_or_above_the_threshold()
    {
        var rules = new RoadEventRules(new RoadEventOptions());
        Run(rules, 0, 1, _ => [Vehicle(15, 1.0, inCorridor: false)]);
        Run(rules, 1, 2, _ => [Vehicle(15, null)]);
        Run(rules, 2, 3, _ => [Vehicle(15, 2.9)]);
        Run(rules, 3, 4, _ => [Vehicle(1.5, 2.0)]); // 0.75 m/s closing: box noise, not an approach
        Assert.DoesNotContain(rules.Complete(), e => e.Type == EventTypes.ForwardCollisionWarning);
    }

    [Fact]
    public void Forward_collision_warning_has_a_cooldown()
    {
        var rules = new RoadEventRules(new RoadEventOptions());
        Run(rules, 0, 0.5, _ => [Vehicle(15, 2)]);
        Run(rules, 0.5, 1.5, None);
        Run(rules, 1.5, 2.0, _ => [Vehicle(15, 2)]); // within 3 s of the first episode's end: suppressed
        Run(rules, 2.0, 5.0, None);
        Run(rules, 5.0, 5.5, _ => [Vehicle(15, 2)]);
        Run(rules, 5.5, 6, None);
        var events = rules.Complete().Where(e => e.Type == EventTypes.ForwardCollisionWarning).ToList();
        Assert.Equal(2, events.Count);
        Assert.InRange(events[1].StartSeconds, 4.99, 5.01);
    }

    [Fact]
    public void Close_following_needs_ten_metres_for_three_seconds()
    {
        var brief = new RoadEventRules(new RoadEventOptions());
        Run(brief, 0, 2.8, _ => [Vehicle(8, null)]);
        Run(brief, 2.8, 4, None);
        Assert.Empty(brief.Complete());

        var rules = new RoadEventRules(new RoadEventOptions());
        Run(rules, 0, 4, t => [Vehicle(9.5 - t, null)]);
        Run(rules, 4, 5, _ => [Vehicle(25, null)]);
        var e = Assert.Single(rules.Complete());
        Assert.Equal(EventTypes.CloseFollowing, e.Type);
        Assert.Equal("distance_m", e.PeakMetric);
        Assert.InRange(e.PeakValue!.Value, 5.5, 5.6);
        Assert.InRange(e.EndSeconds - e.StartSeconds, 3.8, 4.0);
    }

    [Fact]
    public void Close_following_uses_the_nearest_vehicle_in_the_corridor_only()
    {
        var rules = new RoadEventRules(new RoadEventOptions());
        Run(rules, 0, 5, _ => [Vehicle(6, null, inCorridor: false, id: 2), Vehicle(30, null)]);
        Assert.Empty(rules.Complete());
    }

    [Fact]
    public void Pedestrian_warning_on_a_person_closing_in_the_path_never_from_distance_alone()
    {
        var closing = new RoadEventRules(new RoadEventOptions());
        Run(closing, 0, 1, t => [Person(20 - 10 * t, 2.0 - t)], egoSpeed: Moving);
        var e = Assert.Single(closing.Complete());
        Assert.Equal(EventTypes.PedestrianCollisionWarning, e.Type);
        Assert.Equal(EventSeverity.Critical, e.Severity);
        Assert.Equal(7, e.TrackId);

        var safe = new RoadEventRules(new RoadEventOptions());
        Run(safe, 0, 1, _ => [Person(8, null)]); // near but not closing: distance alone is no warning
        Run(safe, 1, 2, _ => [Person(6, 1.0, inCorridor: false)]);
        Run(safe, 2, 3, _ => [Person(20, 5)]);
        Assert.Empty(safe.Complete());
    }

    [Fact]
    public void With_the_ego_speed_unknown_or_the_whole_view_standing_nothing_is_critical()
    {
        var unknown = new RoadEventRules(new RoadEventOptions());
        Run(unknown, 0, 1, t => [Vehicle(10 - 5 * t, 1.0)]);
        Assert.Equal(EventSeverity.Warning, Assert.Single(unknown.Complete()).Severity);

        var standing = new RoadEventRules(new RoadEventOptions());
        for (var t = 0.0; t < 1; t += Frame)
            standing.Evaluate(new RoadObservation(t, [Person(8 - 2 * t, 1.0), Vehicle(12 - 6 * t, 1.0, id: 2)], LaneState.None,
                EgoSpeedMetersPerSecond: 0, EgoStanding: true));
        var events = standing.Complete();
        Assert.DoesNotContain(events, e => e.Type == EventTypes.PedestrianCollisionWarning);
        Assert.Equal(EventSeverity.Warning, Assert.Single(events, e => e.Type == EventTypes.ForwardCollisionWarning).Severity);
    }

    [Fact]
    public void With_the_ego_speed_unknown_a_person_closing_faster_than_a_person_runs_is_noise()
    {
        var rules = new RoadEventRules(new RoadEventOptions());
        Run(rules, 0, 1, _ => [Person(30, 1.0)]); // 30 m/s "closing", as at the busy crossing of issue 22
        Assert.Empty(rules.Complete());
    }

    [Fact]
    public void A_standing_ego_vehicle_at_a_crossing_gets_a_pedestrian_warning_but_nothing_critical()
    {
        var rules = new RoadEventRules(new RoadEventOptions());
        Run(rules, 0, 1, t => [Person(8 - 2 * t, 1.0)], egoSpeed: 0.5);
        Assert.Equal(EventSeverity.Warning, Assert.Single(rules.Complete()).Severity);
    }

    [Theory]
    [InlineData(40, 0.5, null)]   // a person closing at 80 m/s with the ego at 10 m/s: box jitter
    [InlineData(60, 1.0, 20.0)]   // a vehicle closing at 60 m/s: beyond any road scene
    public void Physically_impossible_closing_speeds_raise_nothing(double distance, double ttc, double? vehicleEgoSpeed)
    {
        var rules = new RoadEventRules(new RoadEventOptions());
        if (vehicleEgoSpeed is { } ego) Run(rules, 0, 1, _ => [Vehicle(distance, ttc)], egoSpeed: ego);
        else Run(rules, 0, 1, _ => [Person(distance, ttc)], egoSpeed: 10);
        Assert.Empty(rules.Complete());
    }

    [Fact]
    public void Collision_warnings_need_an_object_the_detector_is_sure_of_not_one_kept_alive_by_low_scores()
    {
        var unsure = new RoadEventRules(new RoadEventOptions());
        Run(unsure, 0, 1, t => [Vehicle(15 - 5 * t, 1.2) with { DetectionScore = 0.2f }, Person(9 - 3 * t, 1.0) with { DetectionScore = 0.15f }], egoSpeed: 20);
        Assert.Empty(unsure.Complete());

        var sure = new RoadEventRules(new RoadEventOptions());
        Run(sure, 0, 1, t => [Vehicle(15 - 5 * t, 1.2) with { DetectionScore = 0.6f }, Person(9 - 3 * t, 1.0) with { DetectionScore = 0.5f }], egoSpeed: 20);
        Assert.Equal([EventTypes.ForwardCollisionWarning, EventTypes.PedestrianCollisionWarning], sure.Complete().Select(e => e.Type).Order());
    }

    [Fact]
    public void Lane_departure_needs_a_quarter_lane_offset_for_half_a_second_with_both_lines()
    {
        var rules = new RoadEventRules(new RoadEventOptions());
        Run(rules, 0, 0.4, None, _ => Lane(0.3), egoSpeed: 25);
        Run(rules, 0.4, 1.0, None, _ => Lane(0.1), egoSpeed: 25);
        Run(rules, 1.0, 2.0, None, _ => Lane(0.4, confident: false), egoSpeed: 25);
        Assert.Empty(rules.Complete());

        var departing = new RoadEventRules(new RoadEventOptions());
        Run(departing, 0, 1.0, None, t => Lane(-0.2 - 0.2 * t), egoSpeed: 25);
        Run(departing, 1.0, 2.0, None, _ => Lane(0), egoSpeed: 25);
        var e = Assert.Single(departing.Complete());
        Assert.Equal(EventTypes.LaneDeparture, e.Type);
        Assert.Equal("left", e.Details!["direction"]);
        Assert.InRange(e.StartSeconds, 0.25, 0.3);
        Assert.InRange(e.PeakValue!.Value, 0.39, 0.4);
    }

    [Fact]
    public void Lane_departure_has_a_five_second_cooldown()
    {
        var rules = new RoadEventRules(new RoadEventOptions());
        Run(rules, 0, 1, None, _ => Lane(0.35), egoSpeed: 25);
        Run(rules, 1, 2, None, _ => Lane(0), egoSpeed: 25);
        Run(rules, 2, 3, None, _ => Lane(0.35), egoSpeed: 25);
        Run(rules, 3, 6.5, None, _ => Lane(0), egoSpeed: 25);
        Run(rules, 6.5, 7.5, None, _ => Lane(0.35), egoSpeed: 25);
        Assert.Equal(2, rules.Complete().Count);
    }

    [Theory]
    [InlineData(null)] // speed not measured
    [InlineData(12.0)] // 43 km/h: below the 60 km/h at which LDW systems are active
    public void Lane_departure_only_above_the_minimum_speed(double? egoSpeed)
    {
        var rules = new RoadEventRules(new RoadEventOptions());
        Run(rules, 0, 2, None, _ => Lane(0.4), egoSpeed: egoSpeed);
        Assert.Empty(rules.Complete());
    }

    [Fact]
    public void Close_following_has_a_cooldown_and_survives_short_tracking_gaps()
    {
        var rules = new RoadEventRules(new RoadEventOptions());
        Run(rules, 0, 2, _ => [Vehicle(8, null)]);
        Run(rules, 2, 2.2, None); // a 0.2 s detection gap does not restart the 3 s clock
        Run(rules, 2.2, 4, _ => [Vehicle(8, null)]);
        Run(rules, 4, 5, None);
        Run(rules, 5, 8.5, _ => [Vehicle(8, null)]); // starts within the cooldown: its first second does not count
        Run(rules, 8.5, 9, None);
        var e = Assert.Single(rules.Complete());
        Assert.Equal(0, e.StartSeconds, 3);
    }

    [Theory]
    [InlineData(15, 12, EventSeverity.Warning)]  // 0.75 s headway at 20 m/s
    [InlineData(9, 12, EventSeverity.Critical)]  // 0.45 s
    [InlineData(15, 9, null)]                    // 0.75 s, but for less than 10 s
    [InlineData(25, 12, null)]                   // 1.25 s
    public void With_the_ego_speed_known_close_following_is_a_headway_of_one_second_for_ten(double distance, double seconds,
        EventSeverity? expected)
    {
        var rules = new RoadEventRules(new RoadEventOptions());
        Run(rules, 0, seconds, _ => [Vehicle(distance, null)], egoSpeed: 20);
        Run(rules, seconds, seconds + 1, None, egoSpeed: 20);

        var events = rules.Complete();
        if (expected is null) { Assert.Empty(events); return; }
        var e = Assert.Single(events);
        Assert.Equal(EventTypes.CloseFollowing, e.Type);
        Assert.Equal(expected, e.Severity);
        Assert.Equal("headway_seconds", e.PeakMetric);
        Assert.Equal(distance / 20, e.PeakValue!.Value, 2);
        Assert.Equal(20.0, e.Details!["egoSpeedMps"]);
    }

    [Fact]
    public void Below_the_headway_speed_close_following_stays_a_matter_of_distance()
    {
        var rules = new RoadEventRules(new RoadEventOptions());
        Run(rules, 0, 4, _ => [Vehicle(8, null)], egoSpeed: 5);
        var e = Assert.Single(rules.Complete());
        Assert.Equal("distance_m", e.PeakMetric);
    }

    [Fact]
    public void Pedestrian_warning_needs_the_minimum_duration_and_has_a_cooldown()
    {
        var brief = new RoadEventRules(new RoadEventOptions());
        Run(brief, 0, 0.12, _ => [Person(6, 2)]);
        Run(brief, 0.12, 1, None);
        Assert.Empty(brief.Complete());

        var rules = new RoadEventRules(new RoadEventOptions());
        Run(rules, 0, 1, _ => [Person(6, 2)]);
        Run(rules, 1, 2, None);
        Run(rules, 2, 3, _ => [Person(6, 2)]);
        Run(rules, 3, 5, None);
        Run(rules, 5, 6, _ => [Person(6, 2)]);
        Assert.Equal(2, rules.Complete().Count);
    }
}
