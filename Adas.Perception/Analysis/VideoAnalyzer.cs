using System.Diagnostics;
using Adas.Perception.Video;

namespace Adas.Perception.Analysis;

/// <summary>
/// Runs one video through a pipeline, frame by frame (decode, analyse and draw, encode), never holding
/// more than the current frame. Shared by the worker and the command-line <c>analyze</c> entry.
/// </summary>
public static class VideoAnalyzer
{
    public const string DecodeStage = "decode";
    public const string EncodeStage = "encode";
    private const double MinimumDecodedShare = 0.5;
    private const int PrefetchDepth = 4;

    public static async Task<AnalysisResult> RunAsync(string inputPath, string outputPath, IFrameAnalyzer? analyzer,
        IProgress<int>? progress = null, CancellationToken cancellationToken = default, VideoLimits? limits = null)
    {
        var started = Stopwatch.StartNew();
        var timings = new StageTimings();
        using var source = new VideoFrameSource(inputPath);
        var info = source.Info;
        limits?.CheckDeclared(info);
        analyzer?.Begin(info, timings);
        using var writer = new H264VideoWriter(outputPath, info.Width, info.Height, info.Fps);

        var frames = 0;
        var lastTimestamp = 0.0;
        var lastPercent = -1;
        await using (var reader = new PrefetchingFrameReader(source, PrefetchDepth, cancellationToken, analyzer is null ? null : analyzer.Prepare))
        {
            await foreach (var frame in reader.ReadAllAsync(cancellationToken))
            {
                analyzer?.ProcessFrame(frame);
                FrameClockOverlay.Draw(frame.Image, frame.Index, frame.TimestampSeconds);
                timings.Measure(EncodeStage, () => writer.Write(frame.Image));
                reader.Recycle(frame);
                frames++;
                lastTimestamp = frame.TimestampSeconds;
                limits?.CheckDecoded(frames, frame.TimestampSeconds);
                var percent = info.FrameCount > 0 ? Math.Min(99, frames * 100 / info.FrameCount) : 0;
                if (percent != lastPercent) progress?.Report(lastPercent = percent);
            }
            timings.Add(DecodeStage, reader.DecodeTicks);
        }
        cancellationToken.ThrowIfCancellationRequested();

        if (frames == 0) throw new VideoDecodeException("The video contains no decodable frames.");
        if (info.FrameCount > 0 && frames < info.FrameCount * MinimumDecodedShare)
            throw new VideoDecodeException($"The video is truncated or corrupt: only {frames} of its {info.FrameCount} frames could be decoded.");
        var output = analyzer?.Complete() ?? AnalysisOutput.Empty;
        var finishStart = Stopwatch.GetTimestamp();
        await writer.CompleteAsync(cancellationToken);
        timings.Add(EncodeStage, Stopwatch.GetTimestamp() - finishStart);
        var duration = DecodedDuration(frames, lastTimestamp, info.Fps, limits?.MaxDurationSeconds ?? double.MaxValue);
        var actualInfo = info with { FrameCount = frames, DurationSeconds = duration };
        return new AnalysisResult(actualInfo, output, frames, started.Elapsed, timings.MillisecondsPerFrame(frames))
        {
            StageCpuMillisecondsPerFrame = timings.CpuMillisecondsPerFrame(frames),
        };
    }

    /// <summary>
    /// How long the video runs: the last decoded timestamp plus one observed frame interval, capped. Not frames ÷ the
    /// declared fps: a header claiming 0.01 fps would make a 40 s clip count as hours of driving.
    /// </summary>
    public static double DecodedDuration(int frames, double lastTimestampSeconds, double declaredFps, double maxSeconds)
    {
        if (frames <= 0) return 0;
        var interval = frames > 1 ? lastTimestampSeconds / (frames - 1) : Math.Min(1.0, 1.0 / declaredFps);
        return Math.Min(lastTimestampSeconds + interval, maxSeconds);
    }
}
