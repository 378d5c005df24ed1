using Adas.Perception.Analysis;
using Adas.Perception.Events;
using OpenCvSharp;

namespace Adas.Perception.Road.Signs;

/// <summary>One physical sign followed over frames; its label is the one with most accumulated confidence.</summary>
public sealed class SignTrack(int id, SignObservation first, double time)
{
    private readonly Dictionary<string, (SignObservation Observation, double Votes, int Count)> _labels = [];
    private readonly EpisodeDetector _episode = new(EventTypes.TrafficSign, 0, 0, double.MaxValue);

    public int Id { get; } = id;
    public string Kind { get; } = first.Kind;
    public Rect2f Box { get; private set; } = first.Box;
    public double FirstSeen { get; } = time;
    public double LastSeen { get; private set; } = time;
    public int Hits { get; private set; }

    public SignObservation Best => _labels.Values.MaxBy(l => l.Votes).Observation;

    public bool IsConfirmed(SignOptions options)
    {
        if (Hits < options.ConfirmFrames) return false;
        var total = _labels.Values.Sum(l => l.Votes);
        return _labels.Values.Max(l => l.Votes) / total >= options.MinLabelShare;
    }

    public void Observe(SignObservation observation, double time, Func<byte[]?>? snapshot)
    {
        Box = observation.Box;
        LastSeen = time;
        Hits++;
        var current = _labels.GetValueOrDefault(observation.Label);
        _labels[observation.Label] = (observation, current.Votes + observation.Confidence, current.Count + 1);
        _episode.Update(time, true, EventSeverity.Info, "confidence", observation.Confidence, Id, snapshot: snapshot);
    }

    public DetectedSign ToDetectedSign()
    {
        var (best, votes, count) = _labels.Values.MaxBy(l => l.Votes);
        return new DetectedSign(Kind, best.Label, best.ClassId, best.SpeedLimitKmh, FirstSeen, LastSeen,
            Math.Round(votes / count, 3), Hits, Id);
    }

    public AnalysisEvent ToEvent()
    {
        var sign = ToDetectedSign();
        var episode = _episode.Complete().Single();
        var details = new Dictionary<string, object?>
        {
            ["kind"] = sign.Kind, ["label"] = sign.Label, ["classId"] = sign.ClassId,
            ["speedLimitKmh"] = sign.SpeedLimitKmh, ["frames"] = sign.FrameCount,
        };
        return episode with { StartSeconds = FirstSeen, EndSeconds = LastSeen, PeakValue = sign.Confidence, Details = details };
    }
}
