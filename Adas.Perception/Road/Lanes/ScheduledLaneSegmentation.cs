using OpenCvSharp;

namespace Adas.Perception.Road.Lanes;

/// <summary>
/// Runs the lane-segmentation model a few times a second of video on a thread of its own, beside the pipeline: every
/// <c>interval</c>-th frame is handed over, and its mask is used from <c>interval</c> frames later until the next one
/// is due. The schedule is by frame index, so results do not depend on the machine's speed: when the model is late
/// the pipeline waits for it.
/// </summary>
public sealed class ScheduledLaneSegmentation(TwinLiteLaneSegmenter model, int interval) : IDisposable
{
    private readonly Mat _input = new();
    private Mat _running = new();
    private Mat _ready = new();
    private Task? _job;
    private int _jobFrame;

    /// <summary>Frames between two model runs (and between a run's frame and the first frame that uses its mask).</summary>
    public int Interval { get; } = Math.Max(1, interval);

    /// <summary>Frame index the current mask was computed on, or null before the first is ready.</summary>
    public int? MaskFrame { get; private set; }

    /// <summary>Model input size, the size of the mask.</summary>
    public Size MaskSize => model.InputSize;

    /// <summary>The latest lane mask due at <paramref name="frameIndex"/> (null before the first); hands this frame to the model when its turn.</summary>
    public Mat? Next(int frameIndex, Mat frame)
    {
        if (_job is not null && frameIndex >= _jobFrame + Interval) Collect();
        if (_job is null && frameIndex % Interval == 0)
        {
            model.Resize(frame, _input);
            _jobFrame = frameIndex;
            _job = Task.Run(() => model.Segment(_input, _running));
        }
        return MaskFrame is null ? null : _ready;
    }

    private void Collect()
    {
        _job!.GetAwaiter().GetResult();
        _job = null;
        (_ready, _running) = (_running, _ready);
        MaskFrame = _jobFrame;
    }

    /// <summary>Forgets the mask (after a scene cut); a run in progress is waited for and dropped.</summary>
    public void Reset()
    {
        _job?.GetAwaiter().GetResult();
        _job = null;
        MaskFrame = null;
    }

    public void Dispose()
    {
        try { _job?.GetAwaiter().GetResult(); }
        finally
        {
            model.Dispose();
            _input.Dispose();
            _running.Dispose();
            _ready.Dispose();
        }
    }
}
