namespace Adas.Worker.Jobs.Clips;

/// <summary>Event clips cut from the annotated video when a job finishes (configuration section "Clips").</summary>
public sealed class ClipOptions
{
    public const string Section = "Clips";

    public double SecondsBefore { get; set; } = 4;
    public double SecondsAfter { get; set; } = 4;
    /// <summary>Longest clip; a longer event keeps its onset and is cut off at this length.</summary>
    public double MaxSeconds { get; set; } = 20;
    /// <summary>Most clips a job gets: criticals first, then warnings, each in video order.</summary>
    public int MaxPerJob { get; set; } = 50;
}
