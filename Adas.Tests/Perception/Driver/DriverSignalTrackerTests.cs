using Adas.Perception.Driver;
using Adas.Perception.Driver.Signals;
using Adas.Perception.Events;
using static Adas.Tests.Perception.Driver.SignalScript;

namespace Adas.Tests.Perception.Driver;

public sealed class DriverSignalTrackerTests
{
    [Fact]
    public void A_short_blink_is_counted_but_is_no_event()
    {
        var result = Run(6, t => Between(t, 3.0, 3.2) ? Alert(t) with { Ear = ClosedEar } : Alert(t));

        Assert.Empty(result.Events);
        Assert.Equal(1, result.Tracker.Blinks.Count);
        Assert.InRange(result.Tracker.Blinks.LastSeconds!.Value, 0.19, 0.21);
        Assert.Contains(result.Frames, f => f.Signals.EyesClosed);
    }

    [Fact]
    public void A_fast_blink_that_only_dips_part_way_is_still_a_blink()
    {
        // PFLD follows a quick blink only down to about 0.24 (baseline 0.35): no closure, but a blink.
        var result = Run(6, t => Alert(t) with { Ear = Between(t, 3.0, 3.15) ? 0.24 : 0.35 });

        Assert.Equal(1, result.Tracker.Blinks.Count);
        Assert.DoesNotContain(result.Frames, f => f.Signals.EyesClosed);
        Assert.Empty(result.Events);
    }

    [Fact]
    public void A_closure_of_1_2_seconds_is_a_critical_microsleep()
    {
        var result = Run(6, t => Between(t, 3.0, 4.2) ? Alert(t) with { Ear = ClosedEar } : Alert(t));

        var microsleep = Assert.Single(result.Events);
        Assert.Equal(EventTypes.Microsleep, microsleep.Type);
        Assert.Equal(EventSeverity.Critical, microsleep.Severity);
        Assert.InRange(microsleep.StartSeconds, 3.0, 3.1);
        Assert.InRange(microsleep.EndSeconds, 4.1, 4.25);
        Assert.InRange(microsleep.PeakValue!.Value, 1.1, 1.25);
        Assert.Equal(0, result.Tracker.Blinks.Count);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(10)]
    [InlineData(15)]
    [InlineData(60)]
    public void The_rules_hold_at_other_frame_rates(double fps)
    {
        var result = Run(20, t => t switch
        {
            _ when Between(t, 4, 5.5) => Alert(t) with { Ear = ClosedEar },
            _ when Between(t, 8, 10) => Alert(t) with { Mar = 0.7 },
            _ when Between(t, 12, 16) => Alert(t) with { Yaw = 50 },
            _ => Alert(t),
        }, fps: fps);

        Assert.Equal([EventTypes.Microsleep, EventTypes.Yawning, EventTypes.Distraction], result.Events.Select(e => e.Type));
        Assert.InRange(result.Events[0].StartSeconds, 4, 4 + 2.5 / fps);
        Assert.Equal(20, result.Seconds.Count);
    }

    [Fact]
    public void A_closure_of_0_9_seconds_is_no_microsleep()
    {
        var result = Run(6, t => Between(t, 3.0, 3.9) ? Alert(t) with { Ear = ClosedEar } : Alert(t));

        Assert.Empty(result.OfType(EventTypes.Microsleep));
    }

    [Theory]
    [InlineData(9, 0.15)]
    [InlineData(10, 1.0 / 6)]
    [InlineData(20, 1.0 / 3)]
    public void Perclos_is_the_exact_fraction_of_face_time_with_eyes_closed_over_the_last_60_seconds(int closedFramesPer60, double expected)
    {
        // Every 2 s (60 frames) the eyes close for a few frames, after 4 s of calibration; face absent 5 s early on.
        var result = Run(100, t =>
        {
            if (t < 4) return Alert(t);
            if (Between(t, 10, 15)) return new(t, FacePresent: false);
            var frameInPeriod = (int)Math.Round(t * Fps) % 60;
            return frameInPeriod < closedFramesPer60 ? Alert(t) with { Ear = ClosedEar } : Alert(t);
        });

        var last = result.Frames[^1].Signals;
        Assert.NotNull(last.Perclos);
        Assert.Equal(expected, last.Perclos!.Value, 9);
        // While the window still holds the absence and the calibration, PERCLOS is closed frames over face frames.
        foreach (var seconds in (double[])[40, 55, 70])
        {
            var index = (int)Math.Round(seconds * Fps);
            var window = result.Frames.Take(index + 1).Skip(Math.Max(0, index - 1799)).Select(f => f.Signals).ToList();
            var reference = (double)window.Count(s => s.FacePresent && s.EyesClosed) / window.Count(s => s.FacePresent);
            Assert.Equal(reference, result.Frames[index].Signals.Perclos!.Value, 9);
        }
    }

    [Fact]
    public void Perclos_needs_enough_face_time_before_it_is_reported()
    {
        var result = Run(32, Alert);

        Assert.Null(result.Frames[(int)(29 * Fps)].Signals.Perclos);
        Assert.Equal(0, result.Frames[^1].Signals.Perclos);
    }

    [Theory]
    [InlineData(10, EventSeverity.Warning)]
    [InlineData(20, EventSeverity.Critical)]
    public void High_perclos_raises_drowsiness_with_severity_by_level(int closedFramesPer60, EventSeverity expected)
    {
        var result = Run(70, t =>
        {
            if (t < 4) return Alert(t);
            var frameInPeriod = (int)Math.Round(t * Fps) % 60;
            return frameInPeriod < closedFramesPer60 ? Alert(t) with { Ear = ClosedEar } : Alert(t);
        });

        var drowsiness = Assert.Single(result.OfType(EventTypes.Drowsiness));
        Assert.Equal(expected, drowsiness.Severity);
        Assert.Equal("perclos", drowsiness.PeakMetric);
        Assert.Empty(result.OfType(EventTypes.Microsleep));
        Assert.Contains(result.Seconds, s => s.State == DriverStates.Drowsy);
    }

    [Fact]
    public void Normal_blinking_is_not_drowsiness()
    {
        // 0.2 s blink every 4 s: PERCLOS 5%.
        var result = Run(90, t => (int)Math.Round(t * Fps) % 120 < 6 && t > 4 ? Alert(t) with { Ear = ClosedEar } : Alert(t));

        Assert.Empty(result.Events);
        Assert.InRange(result.Frames[^1].Signals.Perclos!.Value, 0.049, 0.051);
        Assert.InRange(result.Tracker.Blinks.Count, 20, 22);
    }

    [Fact]
    public void Three_yawns_in_five_minutes_raise_drowsiness_and_two_do_not()
    {
        static DriverMeasurement Yawns(double t, params double[] starts) =>
            starts.Any(s => Between(t, s, s + 2)) ? Alert(t) with { Mar = 0.72 } : Alert(t);

        var three = Run(200, t => Yawns(t, 10, 70, 130));
        var two = Run(200, t => Yawns(t, 10, 70));

        Assert.Equal(3, three.OfType(EventTypes.Yawning).Count);
        Assert.All(three.OfType(EventTypes.Yawning), y => Assert.Equal(EventSeverity.Info, y.Severity));
        var drowsiness = Assert.Single(three.OfType(EventTypes.Drowsiness));
        Assert.InRange(drowsiness.StartSeconds, 130.9, 131.2);
        Assert.Equal("yawns_in_window", drowsiness.PeakMetric);
        Assert.Equal(3, drowsiness.PeakValue);
        Assert.Equal(2, two.OfType(EventTypes.Yawning).Count);
        Assert.Empty(two.OfType(EventTypes.Drowsiness));
    }

    [Fact]
    public void Eyes_squeezed_during_a_yawn_are_no_microsleep()
    {
        var result = Run(10, t => Between(t, 4, 6.5) ? Alert(t) with { Mar = 0.75, Ear = Between(t, 4.3, 6.2) ? ClosedEar : OpenEar } : Alert(t));

        Assert.Equal([EventTypes.Yawning], result.Events.Select(e => e.Type));
    }

    [Fact]
    public void Talking_mouth_movements_are_not_yawns()
    {
        var result = Run(20, t => Alert(t) with { Mar = (int)(t * 4) % 2 == 0 ? 0.6 : 0.1 });

        Assert.Empty(result.Events.Select(e => $"{e.Type} {e.StartSeconds:0.00}-{e.EndSeconds:0.00}"));
    }

    [Theory]
    [InlineData(3.5, true)]
    [InlineData(2.5, false)]
    public void Looking_away_3_seconds_or_more_is_distraction(double seconds, bool expected)
    {
        var result = Run(12, t => Between(t, 5, 5 + seconds) ? Alert(t) with { Yaw = 45 } : Alert(t));

        Assert.Equal(expected ? 1 : 0, result.OfType(EventTypes.Distraction).Count);
        Assert.Equal(expected ? 1 : 0, result.Events.Count);
    }

    [Fact]
    public void A_long_look_away_is_one_distraction_from_the_moment_the_head_turned()
    {
        var result = Run(30, t => Between(t, 5, 20) ? Alert(t) with { Yaw = -50 } : Alert(t));

        var distraction = Assert.Single(result.Events);
        Assert.Equal(EventTypes.Distraction, distraction.Type);
        Assert.InRange(distraction.StartSeconds, 4.99, 5.05);
        Assert.InRange(distraction.EndSeconds, 19.9, 20.0);
        Assert.InRange(distraction.PeakValue!.Value, 14.9, 15.1);
        Assert.Single(result.Frames[(int)(15 * Fps)].Warnings);
    }

    [Fact]
    public void A_head_pose_wavering_around_the_limit_stays_off_the_road()
    {
        // 4 s looking aside with the estimate wavering between 27° and 36°: one continuous look, not short pieces.
        var result = Run(12, t => Between(t, 4, 8) ? Alert(t) with { Yaw = (int)(t * 10) % 3 == 0 ? 27 : 36 } : Alert(t));

        var distraction = Assert.Single(result.OfType(EventTypes.Distraction));
        Assert.InRange(distraction.StartSeconds, 3.99, 4.05);
    }

    [Fact]
    public void Looking_down_is_off_road_like_looking_aside()
    {
        var result = Run(12, t => Between(t, 5, 9) ? Alert(t) with { Pitch = -28 } : Alert(t));

        var distraction = Assert.Single(result.OfType(EventTypes.Distraction));
        Assert.Equal(EventSeverity.Warning, distraction.Severity);
    }

    [Theory]
    [InlineData(5, true)]
    [InlineData(4, false)]
    public void Glances_adding_up_to_more_than_10_seconds_within_30_seconds_are_distraction(int glances, bool expected)
    {
        // Each glance 2.2 s off the road (never 3 s at once), 0.8 s back: 5 glances = 11 s, 4 = 8.8 s.
        var result = Run(30, t =>
        {
            var sinceStart = t - 5;
            var glancing = sinceStart >= 0 && sinceStart < glances * 3.0 && sinceStart % 3.0 < 2.2 - 1e-9;
            return glancing ? Alert(t) with { Yaw = -40 } : Alert(t);
        });

        Assert.Equal(expected ? 1 : 0, result.OfType(EventTypes.Distraction).Count);
        if (expected)
            Assert.True(result.OfType(EventTypes.Distraction)[0].PeakValue > 10);
    }

    [Fact]
    public void A_camera_mounted_off_axis_sets_the_neutral_pose()
    {
        // The camera, off to the side, sees the forward-looking driver at yaw 40 and pitch 15: only departures count.
        var result = Run(20, t =>
        {
            var m = Alert(t) with { Yaw = 40, Pitch = 15 };
            if (Between(t, 6, 10)) return m with { Yaw = 60 };
            if (Between(t, 12, 16)) return m with { Yaw = 75 };
            return m;
        });

        var distraction = Assert.Single(result.OfType(EventTypes.Distraction));
        Assert.InRange(distraction.StartSeconds, 11.9, 12.1);
        Assert.Equal(40, result.Tracker.Calibration.NeutralYaw, 0);
    }

    [Theory]
    [InlineData(0.42, 0.25, true)]
    [InlineData(0.24, 0.17, true)]
    [InlineData(0.24, 0.21, false)]
    public void Eye_closure_is_judged_against_the_drivers_own_baseline_with_a_floor(double openEar, double lowEar, bool microsleep)
    {
        // Wide-open eyes (0.42: threshold 0.273) and glasses (0.24: threshold is the 0.2 floor).
        var result = Run(8, t => Alert(t) with { Ear = Between(t, 4, 5.5) ? lowEar : openEar });

        Assert.Equal(openEar, result.Tracker.Calibration.BaselineEar, 2);
        Assert.Equal(microsleep ? 1 : 0, result.OfType(EventTypes.Microsleep).Count);
    }

    [Fact]
    public void A_baseline_learnt_from_drooping_eyes_rises_once_the_driver_opens_them()
    {
        // Starts heavy-lidded (0.24), then eyes open normally (0.36); the same 0.21 closure is missed at first, caught later.
        var result = Run(75, t => Alert(t) with
        {
            Ear = t < 8 ? (Between(t, 4, 5.5) ? 0.21 : 0.24) : (Between(t, 70, 71.5) ? 0.21 : 0.36),
        });

        var microsleep = Assert.Single(result.OfType(EventTypes.Microsleep));
        Assert.InRange(microsleep.StartSeconds, 69.9, 70.2);
        Assert.InRange(result.Tracker.Calibration.BaselineEar, 0.34, 0.37);
    }

    [Fact]
    public void A_single_frame_landmark_glitch_does_not_close_the_eyes()
    {
        var result = Run(6, t => Math.Abs(t - 4) < 0.01 ? Alert(t) with { Ear = 0.05 } : Alert(t));

        Assert.DoesNotContain(result.Frames, f => f.Signals.EyesClosed);
    }

    [Theory]
    [InlineData(2.5, true)]
    [InlineData(1.5, false)]
    public void A_phone_for_2_seconds_or_more_is_phone_use(double seconds, bool expected)
    {
        var result = Run(10, t => Alert(t) with { Phone = Between(t, 4, 4 + seconds) });

        Assert.Equal(expected ? 1 : 0, result.OfType(EventTypes.PhoneUse).Count);
        Assert.Equal(expected ? 1 : 0, result.Events.Count);
        if (expected) Assert.Equal(EventSeverity.Warning, result.Events[0].Severity);
    }

    [Theory]
    [InlineData(6, true)]
    [InlineData(4, false)]
    public void No_face_for_5_seconds_is_driver_absent(double seconds, bool expected)
    {
        var result = Run(15, t => Between(t, 4, 4 + seconds) ? new(t, FacePresent: false) : Alert(t));

        Assert.Equal(expected ? 1 : 0, result.OfType(EventTypes.DriverAbsent).Count);
        Assert.Equal(expected ? 1 : 0, result.Events.Count);
        Assert.Contains(result.Seconds, s => s.State == DriverStates.Absent && !s.FacePresent);
    }

    [Fact]
    public void A_near_uniform_frame_for_5_seconds_is_camera_obstructed_not_absent()
    {
        var result = Run(15, t => Between(t, 4, 10) ? new(t, FacePresent: false, Obstructed: true) : Alert(t));

        var obstructed = Assert.Single(result.Events);
        Assert.Equal(EventTypes.CameraObstructed, obstructed.Type);
        Assert.InRange(obstructed.StartSeconds, 3.99, 4.01);
        Assert.Contains(result.Seconds, s => s.State == DriverStates.Obstructed);
    }

    [Fact]
    public void Each_second_of_video_gets_one_row_with_its_dominant_state()
    {
        var result = Run(6.5, t => Between(t, 3.0, 4.5) ? Alert(t) with { Ear = ClosedEar } : Alert(t) with { Yaw = 4, Pitch = -2 });

        Assert.Equal([0, 1, 2, 3, 4, 5, 6], result.Seconds.Select(s => s.Second));
        Assert.Equal(DriverStates.Alert, result.Seconds[1].State);
        Assert.Equal(DriverStates.EyesClosed, result.Seconds[3].State);
        Assert.Equal(DriverStates.EyesClosed, result.Seconds[4].State);
        Assert.Equal(DriverStates.Alert, result.Seconds[5].State);
        Assert.All(result.Seconds, s => Assert.True(s.FacePresent));
        Assert.Equal(OpenEar, result.Seconds[1].Ear!.Value, 3);
        Assert.Equal(4, result.Seconds[0].Yaw!.Value, 1);
        Assert.Equal(0, result.Seconds[5].Yaw!.Value, 1);
    }
}
