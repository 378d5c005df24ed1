using System.Diagnostics.Metrics;
using Adas.Data.Entities;

namespace Adas.Data.Telemetry;

/// <summary>
/// The domain's meters: jobs by video type through their states, processing time and speed, frames, events by
/// type and severity, upload bytes. The queue's backlog and pending entries are observed by the worker (<see cref="QueueGauges"/>).
/// </summary>
public sealed class JobMetrics
{
    private readonly Counter<long> _queued;
    private readonly Counter<long> _started;
    private readonly Counter<long> _completed;
    private readonly Counter<long> _failed;
    private readonly Histogram<double> _processingSeconds;
    private readonly Histogram<double> _analysisFps;
    private readonly Counter<long> _frames;
    private readonly Counter<long> _events;
    private readonly Counter<long> _uploadBytes;

    public JobMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(JobTelemetry.Name);
        _queued = meter.CreateCounter<long>("adas.jobs.queued", "{job}", "Jobs accepted and put on the queue");
        _started = meter.CreateCounter<long>("adas.jobs.started", "{job}", "Job attempts a worker started");
        _completed = meter.CreateCounter<long>("adas.jobs.completed", "{job}", "Jobs completed");
        _failed = meter.CreateCounter<long>("adas.jobs.failed", "{job}", "Jobs failed for good");
        _processingSeconds = meter.CreateHistogram<double>("adas.jobs.processing.duration", "s", "Wall time of a completed job's analysis",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 2, 5, 10, 20, 30, 60, 120, 300, 600, 1200, 3600] });
        _analysisFps = meter.CreateHistogram<double>("adas.analysis.fps", unit: null, "Frames analysed per second of a completed job",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 2, 5, 10, 15, 20, 25, 30, 40, 50, 75, 100] });
        _frames = meter.CreateCounter<long>("adas.analysis.frames", "{frame}", "Frames analysed");
        _events = meter.CreateCounter<long>("adas.events", "{event}", "Safety events found, by type and severity");
        _uploadBytes = meter.CreateCounter<long>("adas.uploads.bytes", "By", "Bytes of accepted video uploads");
    }

    public void Queued(VideoType type, long uploadBytes)
    {
        _queued.Add(1, Tag(type));
        _uploadBytes.Add(uploadBytes, Tag(type));
    }

    public void Started(VideoType type) => _started.Add(1, Tag(type));

    public void Completed(VideoType type, TimeSpan elapsed, int frames, IEnumerable<(string Type, string Severity)> events)
    {
        _completed.Add(1, Tag(type));
        _processingSeconds.Record(elapsed.TotalSeconds, Tag(type));
        _frames.Add(frames, Tag(type));
        if (elapsed > TimeSpan.Zero) _analysisFps.Record(frames / elapsed.TotalSeconds, Tag(type));
        foreach (var (eventType, severity) in events)
            _events.Add(1, new KeyValuePair<string, object?>("event.type", eventType), new KeyValuePair<string, object?>("event.severity", severity));
    }

    public void Failed(VideoType? type) => _failed.Add(1, Tag(type));

    private static KeyValuePair<string, object?> Tag(VideoType? type) =>
        new("video.type", type switch { VideoType.Dashcam => "dashcam", VideoType.InCabin => "in_cabin", _ => "unknown" });
}
