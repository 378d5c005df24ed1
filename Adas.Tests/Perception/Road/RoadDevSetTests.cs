using Adas.Perception.Analysis;
using Adas.Perception.Events;

namespace Adas.Tests.Perception.Road;

/// <summary>
/// The road pipeline on real footage it was not tuned on (the dev set, <c>manifest.json</c> says what happens in
/// each clip): each clip is analysed once (<see cref="DevSetRuns"/>) and shared by the assertions about it.
/// </summary>
public sealed partial class RoadDevSetTests(DevSetRuns runs, ITestOutputHelper output) : IClassFixture<DevSetRuns>
{
    /// <summary>At least nine frames in ten (the issue's target), and per clip a little under what it reaches now.</summary>
    [Theory]
    [InlineData("bridge_shadows_1280x720", 0.95)]   // pale bridge deck and tree shadows (100 %)
    [InlineData("country_road_640x360", 0.95)]      // yellow centre line, hard shadows, a gentle curve (100 %)
    [InlineData("desert_curves_640x360", 0.95)]     // double yellow line, sweeping curves (98 %)
    [InlineData("night_highway_640x360", 0.95)]     // lines lit only by the headlights, the dashed one a dash at a time (99 %)
    [InlineData("rain_highway_640x360", 0.95)]      // wet lines, raindrops and wiper streaks, a truck and its reflection (99 %)
    [InlineData("expressway_640x360", 0.9)]         // concrete barrier, overpasses, road-surface changes (94 %)
    [InlineData("freeway_tar_seam_1280x720", 0.93)] // yawed, tilted low camera; a dark tar seam beside the line, a barrier (97 %)
    public async Task Both_lane_lines_are_found_in_at_least_nine_frames_out_of_ten(string clip, double minRate)
    {
        var result = await RunAsync(clip);
        Assert.True(LaneRate(result) >= minRate, $"both lines in {LaneRate(result):P0} of the frames");
    }

    [Theory]
    [InlineData("bridge_shadows_1280x720")]
    [InlineData("country_road_640x360")]
    [InlineData("desert_curves_640x360")]
    [InlineData("night_highway_640x360")]
    [InlineData("rain_highway_640x360")]
    [InlineData("expressway_640x360")]
    [InlineData("freeway_tar_seam_1280x720")]
    public async Task A_drive_that_stays_in_its_lane_raises_no_lane_departure_and_nothing_critical(string clip)
    {
        var events = (await RunAsync(clip)).Output.Events;
        Assert.DoesNotContain(events, e => e.Type == EventTypes.LaneDeparture);
        Assert.DoesNotContain(events, e => e.Severity == EventSeverity.Critical);
    }

    /// <summary>
    /// YOLOX-nano reads the empty desert road as a car ahead (scores up to 0.66 on the mirrored clip) and the tar-seam
    /// clip's overpass as a bus; the lane lines are seen through those boxes, so they are dropped. The rain clip's truck
    /// stands between the lines, does not cover them, and stays; so do the desert's oncoming car and the freeway's cars.
    /// </summary>
    [Theory]
    [InlineData("desert_curves_640x360", 20, 1)]
    [InlineData("freeway_tar_seam_1280x720", 2, 3)]
    [InlineData("rain_highway_640x360", 0, 1)]
    public async Task Boxes_the_lane_lines_are_seen_through_are_dropped_and_real_vehicles_stay(string clip, int minDropped, int minTracks)
    {
        var summary = (await RunAsync(clip)).Output.Summary;
        var dropped = (int)summary["seen_through_detections"]!;
        output.WriteLine($"dropped {dropped}, tracks {summary["tracks"]}");
        if (minDropped == 0) Assert.Equal(0, dropped);
        else Assert.True(dropped >= minDropped, $"{dropped} dropped");
        Assert.True((int)summary["tracks"]! >= minTracks, $"{summary["tracks"]} tracks");
    }

    /// <summary>Real unedited drives (night, shadows, curves, near misses that fill the frame) hold no scene cut.</summary>
    [Theory]
    [InlineData("bridge_shadows_1280x720")]
    [InlineData("country_road_640x360")]
    [InlineData("desert_curves_640x360")]
    [InlineData("night_highway_640x360")]
    [InlineData("scooter_crosses_point_blank_1280x720")]
    [InlineData("taxi_cut_in_1280x720")]
    [InlineData("shopping_street_pedestrians_1280x720")]
    public async Task An_unedited_drive_has_no_scene_cut(string clip)
    {
        var summary = (await RunAsync(clip)).Output.Summary;
        Assert.Equal(0, summary["scene_cuts"]);
    }

    [Fact]
    public async Task The_ego_speed_on_the_night_highway_is_a_highway_speed_reported_every_second()
    {
        var summary = (await RunAsync("night_highway_640x360")).Output.Summary;
        Assert.InRange((double)summary["mean_ego_speed_mps"]!, 15, 40);
        var perSecond = (double?[])summary["ego_speed_per_second_mps"]!;
        Assert.InRange(perSecond.Length, 36, 38); // a 37 s clip
        Assert.True(perSecond.Count(s => s is > 15 and < 45) >= 0.7 * perSecond.Length);
    }

    /// <summary>
    /// Near-miss clips (20 fps, 5 s) with the moment of the visible conflict read off the frames: the scooter rider
    /// in the car's path and filling the frame at 3.7 s; the taxi cutting in, its rear a few metres ahead across the
    /// car's path, at 2.5 s; in the shopping street, a scooter with two riders passing close on the right swerves
    /// across the car's right front at 4.2 s.
    /// </summary>
    [Theory]
    [InlineData("scooter_crosses_point_blank_1280x720", 3.7)]
    [InlineData("taxi_cut_in_1280x720", 2.5)]
    [InlineData("shopping_street_pedestrians_1280x720", 4.2)]
    public async Task A_near_miss_raises_a_forward_or_pedestrian_collision_warning_within_a_second_of_the_conflict(string clip,
        double conflictSeconds)
    {
        var warnings = (await RunAsync(clip)).Output.Events
            .Where(e => e.Type is EventTypes.ForwardCollisionWarning or EventTypes.PedestrianCollisionWarning).ToList();
        Assert.Contains(warnings, e => Math.Abs(e.StartSeconds - conflictSeconds) <= 1.0);
    }

    private async Task<AnalysisResult> RunAsync(string clip)
    {
        var result = await runs.RunAsync(clip);
        output.WriteLine($"{clip}: lanes {LaneRate(result):P0}, mean ego speed {result.Output.Summary["mean_ego_speed_mps"]} m/s");
        foreach (var e in result.Output.Events)
            output.WriteLine($"  {e.Type} {e.Severity} {e.StartSeconds:0.00}-{e.EndSeconds:0.00} {e.PeakMetric}={e.PeakValue}");
        return result;
    }

    private static double LaneRate(AnalysisResult result) => (double)result.Output.Summary["lane_detection_rate"]!;
}
