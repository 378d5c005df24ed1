using Adas.Perception.Road.Rules;
using Adas.Perception.Road.Signs;

namespace Adas.Perception.Signals;

/// <summary>One frame of stored road signals: what the event rules and the sign tracker were fed.</summary>
public sealed record RoadSignalFrame(int Frame, RoadObservation Observation, IReadOnlyList<SignObservation> Signs);
