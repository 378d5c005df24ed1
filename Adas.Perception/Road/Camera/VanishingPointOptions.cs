namespace Adas.Perception.Road.Camera;

/// <summary>Settings of the picture-based vanishing-point estimate; rows are fractions of the frame height.</summary>
public sealed record VanishingPointOptions
{
    /// <summary>Runs per second of video: the camera is fixed on the car, so a few suffice (about 1 ms each).</summary>
    public double RunsPerSecond { get; init; } = 5;

    /// <summary>Highest row searched (edges and candidate vanishing points): above it is sky and trees.</summary>
    public double MinRowFraction { get; init; } = 0.3;

    /// <summary>Lowest candidate row for the vanishing point: a dashcam sees the horizon above three quarters of the height.</summary>
    public double MaxRowFraction { get; init; } = 0.75;

    public double CannyLow { get; init; } = 40;
    public double CannyHigh { get; init; } = 120;

    /// <summary>Time constant of the votes' decay: long enough to average over curves, short enough to follow a scene.</summary>
    public double MemorySeconds { get; init; } = 3;

    /// <summary>Votes (total length of the voting segments, in widths of the 320 px working copy) before an estimate counts.</summary>
    public double MinEvidence { get; init; } = 4;

    /// <summary>
    /// The peak must hold this many times the vote map's mean: on the dev set's roads 10-35 (lines, edges and barriers
    /// meet at one point), at junctions, in a shopping street or with only a bonnet's reflections 4-8 (edges scatter);
    /// below it the picture gives no estimate and the configured camera (or the lanes') holds.
    /// </summary>
    public double MinConcentration { get; init; } = 9;
}
