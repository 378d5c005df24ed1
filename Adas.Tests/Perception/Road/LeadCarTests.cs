using Adas.Perception.Analysis;
using Adas.Perception.Events;
using Adas.Perception.Road;
using Adas.Perception.Road.Camera;
using Adas.Perception.Video;
using Adas.Tests.Infrastructure;
using OpenCvSharp;

namespace Adas.Tests.Perception.Road;

/// <summary>
/// The whole road pipeline with the real detector on a real car's pixels (<see cref="LeadCarClip"/>): the true
/// distance and TTC are known.
/// </summary>
public sealed class LeadCarTests : IDisposable
{
    private readonly string _directory = TestPaths.NewTempDirectory("lead-car");
    private readonly LeadCarClip _clips = new();

    [Fact]
    public async Task A_car_closing_at_eight_metres_per_second_in_front_of_a_still_view_raises_one_warning_not_a_critical()
    {
        var clip = await _clips.WriteApproachAsync(Path.Combine(_directory, "approach.mp4"), closingSpeed: 8, startDistance: 30, seconds: 3.5);

        var fcw = Assert.Single(await AnalyseAsync(clip), e => e.Type == EventTypes.ForwardCollisionWarning);
        // The clip's road photo stands still, so the ego car reads as standing: a warning, never a critical (design brief 2.5).
        Assert.Equal(EventSeverity.Warning, fcw.Severity);
        // True TTC is distance / 8: it crosses the 2.7 s warning line at 1.05 s and the 1.5 s critical line at 2.25 s.
        Assert.InRange(fcw.StartSeconds, 0.8, 1.4);
        Assert.True(fcw.EndSeconds >= 2.9, $"ended at {fcw.EndSeconds:0.00} s");
        Assert.InRange(fcw.PeakValue!.Value, 0.3, 1.5);
        Assert.Equal("appearance", fcw.Details!["ttcSource"]);
    }

    /// <summary>
    /// Closing at 4 m/s from 30 m, the true TTC stays above 4 s. Box growth alone read 2.4 s here (YOLOX boxes fit
    /// the far car tighter), a false warning; the car's pixels give the true scale.
    /// </summary>
    [Fact]
    public async Task A_slow_approach_whose_true_ttc_stays_above_four_seconds_raises_no_warning()
    {
        var clip = await _clips.WriteApproachAsync(Path.Combine(_directory, "slow.mp4"), closingSpeed: 4, startDistance: 30, seconds: 3.5);

        Assert.DoesNotContain(await AnalyseAsync(clip), e => e.Type == EventTypes.ForwardCollisionWarning);
    }

    [Fact]
    public async Task A_car_holding_its_distance_ahead_raises_no_collision_warning()
    {
        var clip = await _clips.WriteApproachAsync(Path.Combine(_directory, "steady.mp4"), closingSpeed: 0, startDistance: 18, seconds: 3.5);

        Assert.DoesNotContain(await AnalyseAsync(clip), e => e.Type == EventTypes.ForwardCollisionWarning);
    }

    // On the real highway clip, looped (the pipeline measures 20-27 m/s from the road surface), following is judged by
    // time headway.

    [Fact]
    public async Task A_car_kept_14_metres_ahead_on_the_highway_is_close_following_by_headway()
    {
        var e = Assert.Single(await FollowingOnTheHighwayAsync(14)); // 0.5-0.7 s headway
        Assert.Equal(EventSeverity.Warning, e.Severity);
        Assert.Equal("headway_seconds", e.PeakMetric);
        Assert.InRange(e.PeakValue!.Value, 0.2, 1.0);
        Assert.InRange((double)e.Details!["egoSpeedMps"]!, 12, 30);
        Assert.True(e.EndSeconds - e.StartSeconds >= 10);
    }

    [Fact]
    public async Task A_car_kept_30_metres_ahead_on_the_highway_is_not_close_following() =>
        Assert.Empty(await FollowingOnTheHighwayAsync(30)); // over 1.1 s headway

    /// <summary>
    /// A car 8 m ahead hides so much of the road the speed is read from that the speed is often unknown there: close
    /// following all the same, by headway or, without a speed, by distance.
    /// </summary>
    [Fact]
    public async Task A_car_kept_8_metres_ahead_is_close_following_by_headway_or_without_a_speed_by_distance()
    {
        var e = Assert.Single(await FollowingOnTheHighwayAsync(8));
        if (e.PeakMetric == "headway_seconds") Assert.InRange(e.PeakValue!.Value, 0.2, 0.7);
        else
        {
            Assert.Equal("distance_m", e.PeakMetric);
            Assert.InRange(e.PeakValue!.Value, 5, 11);
        }
    }

    private async Task<List<AnalysisEvent>> FollowingOnTheHighwayAsync(double distance)
    {
        const int loops = 2;
        var camera = new CameraModel(HorizonFraction: 0.564); // where the pipeline finds this clip's horizon
        var looped = await MediaFactory.FfmpegAsync(Path.Combine(_directory, "looped.mp4"), "-stream_loop", (loops - 1).ToString(),
            "-i", RoadAssets.HighwayLanesClip, "-c", "copy");
        using var source = new VideoFrameSource(looped);
        using var frames = source.ReadFrames(TestContext.Current.CancellationToken).GetEnumerator();
        var clip = await LeadCarClip.WriteAsync(Path.Combine(_directory, $"follow_{distance}.mp4"), 25, source.Info.FrameCount, (_, frame) =>
        {
            frames.MoveNext();
            frames.Current.Image.CopyTo(frame);
            _clips.Place(frame, distance, camera);
        });
        return [.. (await AnalyseAsync(clip)).Where(e => e.Type == EventTypes.CloseFollowing)];
    }

    private async Task<IReadOnlyList<AnalysisEvent>> AnalyseAsync(string clip)
    {
        using var analyzer = new RoadAnalyzer(RoadAssets.Models, new RoadOptions());
        var result = await VideoAnalyzer.RunAsync(clip, Path.Combine(_directory, "annotated.mp4"), analyzer,
            cancellationToken: TestContext.Current.CancellationToken);
        return result.Output.Events;
    }

    public void Dispose()
    {
        _clips.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
