using System.Collections.Concurrent;

namespace Adas.Perception.Analysis;

/// <summary>
/// Hands results computed in <see cref="IFrameAnalyzer.Prepare"/> (on the prepare thread) to
/// <see cref="IFrameAnalyzer.ProcessFrame"/> for the same frame. Without a prepared result (the analyzer driven
/// frame by frame, without the pipeline) the work is done on the spot.
/// </summary>
public sealed class PreparedResults<T>
{
    private readonly ConcurrentQueue<(int FrameIndex, T Value)> _queue = new();

    public void Clear() => _queue.Clear();

    public void Add(int frameIndex, T value) => _queue.Enqueue((frameIndex, value));

    public T Take(int frameIndex, Func<T> computeNow)
    {
        while (_queue.TryPeek(out var head) && head.FrameIndex < frameIndex) _queue.TryDequeue(out _);
        return _queue.TryPeek(out var next) && next.FrameIndex == frameIndex && _queue.TryDequeue(out var taken)
            ? taken.Value
            : computeNow();
    }
}
