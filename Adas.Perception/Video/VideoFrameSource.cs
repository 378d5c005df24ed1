using OpenCvSharp;

namespace Adas.Perception.Video;

/// <summary>Streams frames one at a time from a file, with the clock from the video's own timestamps.</summary>
public sealed class VideoFrameSource : IDisposable
{
    public const int MaxDimension = 8192;

    /// <summary>OpenCV's open-only <c>CAP_PROP_N_THREADS</c> (FFmpeg back end).</summary>
    private const int OpenOnlyThreadCount = 70;

    /// <summary>
    /// One decoder thread: FFmpeg's frame threading (one thread a core by default) cost 6 ms of CPU a frame of the
    /// 960x540 sample instead of 3.4 on one thread, and decoding already runs ahead on a thread of its own
    /// (<see cref="PrefetchingFrameReader"/>) beside a pipeline that keeps both cores busy.
    /// </summary>
    private const int DecoderThreads = 1;
    private readonly VideoCapture _capture;
    private readonly Mat _frame = new();
    private int _nextIndex;
    private double _lastTimestamp = double.NegativeInfinity;

    public VideoInfo Info { get; }

    public VideoFrameSource(string path)
    {
        if (!File.Exists(path)) throw new VideoDecodeException($"The video file '{Path.GetFileName(path)}' does not exist.");
        _capture = new VideoCapture(path, VideoCaptureAPIs.FFMPEG, [OpenOnlyThreadCount, DecoderThreads]);
        if (!_capture.IsOpened())
        {
            _capture.Dispose();
            throw new VideoDecodeException("The file could not be opened as a video (unknown or corrupt container).");
        }
        Info = ReadInfo(_capture);
        if (Info.Width <= 0 || Info.Height <= 0 || Info.Width > MaxDimension || Info.Height > MaxDimension)
        {
            _capture.Dispose();
            throw new VideoDecodeException($"The video has unsupported dimensions {Info.Width}x{Info.Height} (1 to {MaxDimension} pixels per side).");
        }
    }

    public IEnumerable<VideoFrame> ReadFrames(CancellationToken cancellationToken = default)
    {
        while (!cancellationToken.IsCancellationRequested && TryRead(_frame, out var index, out var timestamp))
            yield return new VideoFrame(_frame, index, timestamp);
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>Decodes the next frame into <paramref name="target"/> (a caller-owned buffer); false at the end.</summary>
    public bool TryRead(Mat target, out int index, out double timestampSeconds)
    {
        index = _nextIndex;
        timestampSeconds = 0;
        if (!_capture.Read(target) || target.Empty()) return false;
        var timestamp = _capture.PosMsec / 1000.0;
        // Some containers report no timestamps; fall back to the frame clock, and never run backwards.
        if (double.IsNaN(timestamp) || timestamp <= _lastTimestamp)
            timestamp = index == 0 ? 0 : _lastTimestamp + 1.0 / Info.Fps;
        _lastTimestamp = timestampSeconds = timestamp;
        _nextIndex++;
        return true;
    }

    private static VideoInfo ReadInfo(VideoCapture capture)
    {
        var fps = capture.Fps is > 0 and < 1000 and var f ? f : 25.0;
        var frames = Math.Max(0, capture.FrameCount);
        var fourcc = (int)capture.Get(VideoCaptureProperties.FourCC);
        var codec = fourcc == 0 ? "unknown" : new string([.. BitConverter.GetBytes(fourcc).Select(b => (char)b)]).Trim('\0', ' ');
        return new VideoInfo(capture.FrameWidth, capture.FrameHeight, fps, frames, frames / fps, codec);
    }

    public void Dispose()
    {
        _frame.Dispose();
        _capture.Dispose();
    }
}
