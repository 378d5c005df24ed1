namespace Adas.Perception.Driver.Signals;

/// <summary>The per-frame and per-second driver state names, most important first.</summary>
public static class DriverStates
{
    public const string Obstructed = "obstructed";
    public const string Absent = "absent";
    public const string EyesClosed = "eyes_closed";
    public const string Drowsy = "drowsy";
    public const string Phone = "phone";
    public const string Distracted = "distracted";
    public const string Yawning = "yawning";
    public const string Alert = "alert";

    public static IReadOnlyList<string> ByPriority { get; } =
        [Obstructed, Absent, EyesClosed, Drowsy, Phone, Distracted, Yawning, Alert];
}
