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
    public double ConfidenceDecayTimeConstant { get; init; } = 0.12;
    public double NominalLaneWidthMeters { get; init; } = 3.7;
}
