namespace Adas.Perception.Driver.Signals;

/// <summary>The tracker's answer for one frame: signals, the state name and the episodes open now.</summary>
public sealed record DriverFrameStatus(DriverSignalState Signals, string State, IReadOnlyList<ActiveWarning> Warnings);
