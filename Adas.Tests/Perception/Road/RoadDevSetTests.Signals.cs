using Adas.Perception.Signals;
using Adas.Tests.Perception.Signals;
using Adas.Shared.Signals;

namespace Adas.Tests.Perception.Road;

/// <summary>
/// The signals each dev-set run wrote: the events re-derived from them (every road clip in assets.tsv), and the file
/// read by a second reader.
/// </summary>
public sealed partial class RoadDevSetTests
{
    [Theory]
    [InlineData("bridge_shadows_1280x720")]
    [InlineData("country_road_640x360")]
    [InlineData("crossing_cyclist_fall_1280x720")]
    [InlineData("desert_curves_640x360")]
    [InlineData("expressway_640x360")]
    [InlineData("freeway_tar_seam_1280x720")]
    [InlineData("motorcycle_crash_1280x720")]
    [InlineData("night_highway_640x360")]
    [InlineData("rain_highway_640x360")]
    [InlineData("scooter_crosses_point_blank_1280x720")]
    [InlineData("shopping_street_pedestrians_1280x720")]
    [InlineData("taxi_cut_in_1280x720")]
    public async Task The_rules_re_run_over_the_stored_signals_give_exactly_the_live_events(string clip)
    {
        var live = EventFingerprint.Of((await RunAsync(clip)).Output.Events);

        var replayed = EventFingerprint.Of(RuleReplay.Run(runs.SignalsOf(clip), RuleOptions.Defaults));

        output.WriteLine(string.Join("\n", live));
        Assert.Equal(live, replayed);
    }

    [Fact]
    public async Task The_night_highway_signals_have_a_row_per_frame_plausible_units_and_read_in_DuckDB()
    {
        var result = await RunAsync("night_highway_640x360");
        var file = runs.SignalsOf("night_highway_640x360");
        var from = $"read_parquet('{file}')";

        Assert.Equal(result.FramesProcessed, DuckDbSignals.Scalar<int>($"SELECT count(*) FROM {from} WHERE row_kind = 'frame'"));
        Assert.Equal(result.FramesProcessed, DuckDbSignals.Scalar<int>($"SELECT count(DISTINCT frame) FROM {from}"));
        Assert.Equal(SignalsFile.SchemaVersion, DuckDbSignals.Scalar<string>(
            $"SELECT decode(value) FROM parquet_kv_metadata('{file}') WHERE decode(key) = '{SignalsFile.SchemaVersionKey}'"));
        var signalsSpeed = DuckDbSignals.Scalar<double>($"SELECT avg(ego_speed_mps) FROM {from} WHERE row_kind = 'frame'");
        var pipelineSpeed = (double)result.Output.Summary["mean_ego_speed_mps"]!;
        output.WriteLine($"ego speed: signals {signalsSpeed:0.0} m/s, pipeline {pipelineSpeed:0.0} m/s");
        Assert.InRange(signalsSpeed, 0.9 * pipelineSpeed, 1.1 * pipelineSpeed);
        Assert.InRange(DuckDbSignals.Scalar<double>($"SELECT avg(lane_width_m) FROM {from} WHERE lane_both_confident"), 2.7, 4.2);
        var objects = DuckDbSignals.Scalar<int>($"SELECT count(*) FROM {from} WHERE row_kind = 'object'");
        var placed = DuckDbSignals.Scalar<int>($"SELECT count(*) FROM {from} WHERE row_kind = 'object' AND distance_m BETWEEN 2 AND 150");
        output.WriteLine($"object rows {objects}, with a distance of 2-150 m {placed}");
        Assert.True(placed > 0.9 * objects && objects > 0, $"{placed} of {objects} object rows at 2-150 m");

        var bytes = new FileInfo(file).Length;
        var video = new FileInfo(DevSetRuns.Clip("night_highway_640x360")).Length;
        output.WriteLine($"signals {bytes / 1024.0:0.0} KiB = {100.0 * bytes / video:0.00} % of the video; largest columns: " +
            string.Join(", ", DuckDbSignals.CompressedBytesByColumn(file).Take(8).Select(c => $"{c.Column} {c.Bytes / 1024.0:0.0} KiB")));
    }
}
