using Adas.Perception.Analysis;
using Adas.Perception.Video;
using Adas.Tests.Infrastructure;

namespace Adas.Tests.Perception.Video;

/// <summary>A run refuses videos beyond the configured size: from what the container declares, and again while decoding.</summary>
public sealed class VideoLimitsTests : IDisposable
{
    private readonly string _dir = TestPaths.NewTempDirectory("video-limits");
    private static string Clip => TestPaths.Asset("media/dashcam/highway_lanes_960x540.mp4");

    [Theory]
    [InlineData("pixels", "960x540")]
    [InlineData("duration", "at most 0:00:01")]
    [InlineData("declared_frames", "declares")]
    public async Task A_video_beyond_the_declared_limits_fails_before_decoding(string limit, string message)
    {
        var limits = limit switch
        {
            "pixels" => new VideoLimits(MaxPixelsPerFrame: 640 * 480),
            "duration" => new VideoLimits(MaxDurationSeconds: 1),
            _ => new VideoLimits(MaxFrames: 10),
        };
        var output = Path.Combine(_dir, $"{limit}.mp4");

        var error = await Assert.ThrowsAsync<VideoDecodeException>(() =>
            VideoAnalyzer.RunAsync(Clip, output, analyzer: null, cancellationToken: TestContext.Current.CancellationToken, limits: limits));

        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Frames_beyond_the_limit_fail_while_decoding_even_when_the_container_declared_fewer()
    {
        var limits = new VideoLimits(MaxDurationSeconds: 10, MaxFrames: 300);

        limits.CheckDecoded(300, 9.9);
        Assert.Contains("more than 300 frames", Assert.Throws<VideoDecodeException>(() => limits.CheckDecoded(301, 9.9)).Message);
        Assert.Contains("longer than", Assert.Throws<VideoDecodeException>(() => limits.CheckDecoded(200, 10.1)).Message);
    }

    [Fact]
    public void The_duration_is_the_decoded_time_not_frames_over_the_declared_fps()
    {
        // 1,000 frames decoded 40 ms apart (a 40 s clip) from a container declaring 0.01 fps: 40 s, not 27.8 hours.
        Assert.Equal(40, VideoAnalyzer.DecodedDuration(1000, 39.96, declaredFps: 0.01, maxSeconds: 7200), 3);
        Assert.Equal(7200, VideoAnalyzer.DecodedDuration(1000, 99_900, declaredFps: 0.01, maxSeconds: 7200));
        Assert.Equal(1, VideoAnalyzer.DecodedDuration(1, 0, declaredFps: 0.01, maxSeconds: 7200));
    }

    [Fact]
    public async Task A_real_clips_duration_is_its_decoded_time()
    {
        var result = await VideoAnalyzer.RunAsync(Clip, Path.Combine(_dir, "real.mp4"), analyzer: null,
            cancellationToken: TestContext.Current.CancellationToken, limits: new VideoLimits());
        var (_, _, frames) = await MediaFactory.ProbeAsync(Clip);

        Assert.Equal(frames / result.Video.Fps, result.Video.DurationSeconds, 2);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
