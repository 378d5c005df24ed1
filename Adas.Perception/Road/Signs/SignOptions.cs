namespace Adas.Perception.Road.Signs;

/// <summary>Sign recognition settings: where to look, how sure the classifier must be, how long to confirm.</summary>
public sealed record SignOptions
{
    public bool ColourProposals { get; init; } = true;

    /// <summary>Also propose blue discs (mandatory direction signs), besides red signs.</summary>
    public bool BlueProposals { get; init; } = true;
    public double SearchBottomFraction { get; init; } = 0.65;
    public int SearchWidth { get; init; } = 480;
    public int MinSignPixels { get; init; } = 16;
    public double MaxSignHeightFraction { get; init; } = 0.25;
    public int MaxProposals { get; init; } = 6;
    public float MinClassifierProbability { get; init; } = 0.92f;
    public float MinDetectorScore { get; init; } = 0.4f;
    public int ConfirmFrames { get; init; } = 3;
    public double MinLabelShare { get; init; } = 0.6;
    public double ForgetAfterSeconds { get; init; } = 0.6;
}
