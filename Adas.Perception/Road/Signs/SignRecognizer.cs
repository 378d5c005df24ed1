using Adas.Perception.Detection;
using Adas.Perception.Road.Tracking;
using OpenCvSharp;

namespace Adas.Perception.Road.Signs;

/// <summary>
/// Traffic signs per frame: stop signs and traffic lights from the tracked detector output, plus red and blue
/// colour/shape proposals (away from vehicles, whose tail lights are red too) classified by the GTSRB model, a class
/// kept only when its sign has the colour the proposal was found by; then tracked.
/// </summary>
public sealed class SignRecognizer(GtsrbClassifier classifier, SignOptions options) : IDisposable
{
    private readonly SignProposer _proposer = new(options);
    private readonly TrafficLightColour _lightColour = new();

    public SignTracker Tracker { get; } = new(options);

    /// <summary>This frame's sightings as the tracker was fed them (for the signals file).</summary>
    public IReadOnlyList<SignObservation> LastObservations { get; private set; } = [];

    public void Process(Mat frame, double time, IReadOnlyList<Track> tracks, Func<Rect2f, Func<byte[]?>>? snapshotOf)
    {
        var observations = new List<SignObservation>();
        foreach (var track in tracks)
        {
            if (!track.UpdatedThisFrame || track.State != TrackState.Confirmed || track.Score < options.MinDetectorScore) continue;
            if (track.ClassId == CocoClasses.StopSign)
                observations.Add(new SignObservation(track.Box, SignObservation.SignKind, GtsrbClasses.Stop, GtsrbClasses.Name(GtsrbClasses.Stop), null, track.Score));
            else if (track.ClassId == CocoClasses.TrafficLight)
                observations.Add(new SignObservation(track.Box, SignObservation.TrafficLightKind, CocoClasses.TrafficLight, track.Label, null,
                    track.Score, _lightColour.Classify(frame, track.Box)));
        }
        if (options.ColourProposals) observations.AddRange(ClassifyProposals(frame, tracks));
        Tracker.Update(observations, time, snapshotOf);
        LastObservations = observations;
    }

    private IEnumerable<SignObservation> ClassifyProposals(Mat frame, IReadOnlyList<Track> tracks)
    {
        var proposals = _proposer.Propose(frame)
            .Where(p => !tracks.Any(t => t.ClassId != CocoClasses.StopSign && CoveredBy(p.Box, t.Box)))
            .ToList();
        if (proposals.Count == 0) yield break;
        var classes = classifier.Classify(frame, [.. proposals.Select(p => p.Box)]);
        for (var i = 0; i < proposals.Count; i++)
        {
            var (classId, probability) = classes[i];
            if (probability < options.MinClassifierProbability || GtsrbClasses.Colour(classId) != proposals[i].Colour) continue;
            var p = proposals[i].Box;
            yield return new SignObservation(new Rect2f(p.X, p.Y, p.Width, p.Height), SignObservation.SignKind, classId,
                GtsrbClasses.Name(classId), GtsrbClasses.SpeedLimitKmh(classId), probability);
        }
    }

    private static bool CoveredBy(Rect proposal, Rect2f box)
    {
        var area = proposal.Width * proposal.Height;
        var overlap = BoxGeometry.IntersectionArea(new Rect2f(proposal.X, proposal.Y, proposal.Width, proposal.Height), box);
        return overlap >= 0.5 * area;
    }

    public void Dispose()
    {
        _proposer.Dispose();
        _lightColour.Dispose();
    }
}
