using Adas.Perception.Video;

namespace Adas.Perception.Analysis;

/// <summary>
/// The largest video a run accepts, checked against what the container declares before decoding starts and again
/// against what is actually decoded, so a small file declaring hours of 8K frames fails early with a clear message.
/// </summary>
public sealed record VideoLimits(double MaxDurationSeconds = 2 * 3600, int MaxFrames = 2 * 3600 * 60, long MaxPixelsPerFrame = 3840L * 2160)
{
    public void CheckDeclared(VideoInfo info)
    {
        if ((long)info.Width * info.Height > MaxPixelsPerFrame)
            throw new VideoDecodeException($"The video is {info.Width}x{info.Height}; at most {MaxPixelsPerFrame:N0} pixels a frame (e.g. 3840x2160) are analysed.");
        if (info.FrameCount > MaxFrames)
            throw new VideoDecodeException($"The video declares {info.FrameCount:N0} frames; at most {MaxFrames:N0} are analysed.");
        if (info.DurationSeconds > MaxDurationSeconds)
            throw new VideoDecodeException($"The video lasts {TimeSpan.FromSeconds(info.DurationSeconds):g}; at most {TimeSpan.FromSeconds(MaxDurationSeconds):g} is analysed.");
    }

    public void CheckDecoded(int frames, double timestampSeconds)
    {
        if (frames > MaxFrames)
            throw new VideoDecodeException($"The video has more than {MaxFrames:N0} frames; at most {MaxFrames:N0} are analysed.");
        if (timestampSeconds > MaxDurationSeconds)
            throw new VideoDecodeException($"The video runs longer than {TimeSpan.FromSeconds(MaxDurationSeconds):g}, the most that is analysed.");
    }
}
