using Adas.Perception.Analysis;
using Adas.Perception.Events;
using OpenCvSharp;

namespace Adas.Perception.Road.Signs;

/// <summary>
/// One physical sign followed over frames; its label is the one with most accumulated confidence. A traffic light
/// also keeps the sequence of colours it showed (a colour counts once seen on two sightings in a row).
/// </summary>
public sealed class SignTrack(int id, SignObservation first, double time)
{
    private const int ColourConfirmations = 2;
    private readonly List<string> _colours = [];
    private string? _pendingColour;
    private int _pendingCount;
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
        ObserveColour(observation.LightColour);
        _episode.Update(time, true, EventSeverity.Info, "confidence", observation.Confidence, Id, snapshot: snapshot);
    }

    /// <summary>The colours a traffic light showed, in order (empty when never clearly lit).</summary>
    public IReadOnlyList<string> Colours => _colours;

    private void ObserveColour(string? colour)
    {
        _pendingCount = colour is not null && colour == _pendingColour ? _pendingCount + 1 : 1;
        _pendingColour = colour;
        if (colour is not null && _pendingCount == ColourConfirmations && (_colours.Count == 0 || _colours[^1] != colour))
            _colours.Add(colour);
    }

    public DetectedSign ToDetectedSign()
    {
        var (best, votes, count) = _labels.Values.MaxBy(l => l.Votes);
        var label = _colours.Count > 0 ? $"{best.Label} ({string.Join(" → ", _colours)})" : best.Label;
        return new DetectedSign(Kind, label, best.ClassId, best.SpeedLimitKmh, FirstSeen, LastSeen,
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
        if (_colours.Count > 0) details["lightColours"] = _colours.ToArray();
        return episode with { StartSeconds = FirstSeen, EndSeconds = LastSeen, PeakValue = sign.Confidence, Details = details };
    }
}
