namespace Adas.Perception.Events;

public enum EventSeverity { Info, Warning, Critical }
