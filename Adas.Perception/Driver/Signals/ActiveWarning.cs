using Adas.Perception.Events;

namespace Adas.Perception.Driver.Signals;

/// <summary>An event episode that is open right now (shown on the HUD).</summary>
public sealed record ActiveWarning(string Type, EventSeverity Severity);
