namespace Adas.Perception.Road.Lanes;

/// <summary>Lane detection settings; rows are fractions of the frame height, so they hold at any resolution.</summary>
public sealed record LaneDetectorOptions
{
    public int BirdWidth { get; init; } = 200;
    public int BirdHeight { get; init; } = 240;

    /// <summary>Far edge of the road patch, as a fraction of the frame height (must be below the horizon).</summary>
    public double FarRowFraction { get; init; } = 0.635;

    /// <summary>Near edge of the road patch; kept above the ego-vehicle mask.</summary>
    public double NearRowFraction { get; init; } = 0.92;

    /// <summary>Half-width of the road patch at its near edge, as a fraction of the frame width (may exceed 0.5).</summary>
    public double NearHalfWidthFraction { get; init; } = 0.6;

    public int Windows { get; init; } = 10;
    public double WindowMarginFraction { get; init; } = 0.08;
    public int MinWindowPixels { get; init; } = 6;
    public double ConfidenceThreshold { get; init; } = 0.5;
    public double SmoothingTimeConstant { get; init; } = 0.1;

    /// <summary>
    /// How fast an unseen line's confidence decays (seconds): it is held through the gap of a dashed line, which at
    /// night, with only the far dash lit or none, lasts up to about 0.5 s (9 m gaps, US MUTCD; 12 m in Germany); a
    /// held line moves with its seen partner. Lane departure needs a fresher line (its own confidence gate).
    /// </summary>
    public double ConfidenceDecayTimeConstant { get; init; } = 0.8;
    public double NominalLaneWidthMeters { get; init; } = 3.7;

    /// <summary>
    /// Lane-segmentation model (TwinLiteNet) runs per second of video; 0, the default, is the classical paint mask
    /// only. Off because the classical fit reaches the dev set's targets without it and a run costs 150-210 ms of CPU
    /// on one thread (640x360; a smaller input is refused by the graph): three runs a second of video would take about
    /// a whole core at the pipeline's twice-real-time speed on a 2-core machine that must keep 50 fps.
    /// </summary>
    public double ModelRunsPerSecond { get; init; }

    /// <summary>
    /// Paint (bird's-eye, fraction of its width) counts only this close to a line the model found: the model's mask
    /// is a few frames old, and a lane line moves sideways this little in that time (0.04 × 200 px ≈ 0.3 m).
    /// </summary>
    public double ModelGateFraction { get; init; } = 0.04;

    /// <summary>With fewer model lane pixels than this in the bird's-eye view, the model saw no lines: paint alone counts.</summary>
    public int MinModelPixels { get; init; } = 40;
}
