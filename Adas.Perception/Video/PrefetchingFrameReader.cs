using System.Diagnostics;
using System.Threading.Channels;
using OpenCvSharp;

namespace Adas.Perception.Video;

/// <summary>
/// Decodes ahead on its own thread into a small ring of reusable buffers, so decoding overlaps analysis and
/// encoding. An optional prepare step runs on a second thread between decoding and the consumer, in frame order,
/// so a heavy read-only stage (object detection) overlaps the consumer's work on the previous frame. Memory stays
/// bounded by the ring size whatever the video length.
/// </summary>
public sealed class PrefetchingFrameReader : IAsyncDisposable
{
    private readonly Channel<Mat> _free;
    private readonly Channel<VideoFrame> _ready;
    private readonly List<Mat> _buffers;
    private readonly CancellationTokenSource _stop;
    private readonly Task _decoder;
    private readonly Task _preparer = Task.CompletedTask;

    public PrefetchingFrameReader(VideoFrameSource source, int depth, CancellationToken cancellationToken,
        Action<VideoFrame>? prepare = null)
    {
        _buffers = [.. Enumerable.Range(0, depth).Select(_ => new Mat())];
        _free = Channel.CreateBounded<Mat>(depth);
        foreach (var buffer in _buffers) _free.Writer.TryWrite(buffer);
        _ready = Channel.CreateBounded<VideoFrame>(depth);
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (prepare is null)
        {
            _decoder = Task.Run(() => DecodeAsync(source, _ready.Writer, _stop.Token));
            return;
        }
        var decoded = Channel.CreateBounded<VideoFrame>(depth);
        _decoder = Task.Run(() => DecodeAsync(source, decoded.Writer, _stop.Token));
        _preparer = Task.Run(() => PrepareAsync(decoded.Reader, prepare, _stop.Token));
    }

    /// <summary>Time the decoder thread spent decoding, in stopwatch ticks.</summary>
    public long DecodeTicks { get; private set; }

    private async Task DecodeAsync(VideoFrameSource source, ChannelWriter<VideoFrame> output, CancellationToken ct)
    {
        Exception? error = null;
        try
        {
            while (true)
            {
                var buffer = await _free.Reader.ReadAsync(ct);
                var start = Stopwatch.GetTimestamp();
                if (!source.TryRead(buffer, out var index, out var timestamp)) break;
                DecodeTicks += Stopwatch.GetTimestamp() - start;
                await output.WriteAsync(new VideoFrame(buffer, index, timestamp), ct);
            }
        }
        catch (Exception ex)
        {
            error = ex;
        }
        output.TryComplete(error);
    }

    private async Task PrepareAsync(ChannelReader<VideoFrame> decoded, Action<VideoFrame> prepare, CancellationToken ct)
    {
        Exception? error = null;
        try
        {
            await foreach (var frame in decoded.ReadAllAsync(ct))
            {
                prepare(frame);
                await _ready.Writer.WriteAsync(frame, ct);
            }
        }
        catch (Exception ex)
        {
            error = ex;
        }
        _ready.Writer.TryComplete(error);
    }

    public IAsyncEnumerable<VideoFrame> ReadAllAsync(CancellationToken cancellationToken) => _ready.Reader.ReadAllAsync(cancellationToken);

    /// <summary>Hands a frame's buffer back for the decoder to fill again.</summary>
    public void Recycle(VideoFrame frame) => _free.Writer.TryWrite(frame.Image);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try { await _decoder; } catch (OperationCanceledException) { }
        try { await _preparer; } catch (OperationCanceledException) { }
        foreach (var buffer in _buffers) buffer.Dispose();
        _stop.Dispose();
    }
}
