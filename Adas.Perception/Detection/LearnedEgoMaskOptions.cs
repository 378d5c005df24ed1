namespace Adas.Perception.Detection;

/// <summary>Thresholds of the per-video ego mask (<see cref="LearnedEgoMask"/>).</summary>
public sealed record LearnedEgoMaskOptions
{
    /// <summary>Off: only the fixed <see cref="EgoVehicleMask"/> applies.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>
    /// Width of the grey thumbnail the statistics are kept on (height by the frame's aspect): at 128 px a 1280 px
    /// frame's 10-15 px burned-in digits still cover whole cells, and the per-frame work is about 10 k pixels.
    /// </summary>
    public int ThumbnailWidth { get; init; } = 128;

    /// <summary>
    /// The scene counts as changing (and the mask learns) when the thumbnail changes by at least this many grey levels
    /// on average since the last frame. A standing car sees an unchanging world in which everything would look like
    /// ego vehicle; measured on the dev set: driving 4-20, standing at a crossing with people moving about 1.5-3.
    /// </summary>
    public double MovingSceneChange { get; init; } = 1.5;

    /// <summary>
    /// A cell is part of the ego vehicle or an overlay when, over the changing frames, it changes less than this
    /// fraction of the whole picture's mean change (the world slides past; the bonnet, dashboard and text do not).
    /// </summary>
    public double StaticChangeRatio { get; init; } = 0.25;

    /// <summary>
    /// A static cell counts only where the averaged picture has structure: a gradient at least this multiple of the
    /// picture's mean gradient (text strokes, logo and bonnet edges). Uniform asphalt in front of the car and uniform
    /// sky are as static on the thumbnail as the bonnet (measured on the motorcycle-crash clip: the whole road ahead
    /// was masked without this).
    /// </summary>
    public double MinStructureRatio { get; init; } = 1.5;

    /// <summary>Seconds of changing scene before the mask is used (the issue: found in the first seconds).</summary>
    public double LearningSeconds { get; init; } = 2;

    /// <summary>
    /// After learning, the statistics follow the video with this time constant (s of changing scene), so a mask
    /// follows a camera that was moved, slowly enough that a long uniform stretch of road does not become ego.
    /// </summary>
    public double RefreshSeconds { get; init; } = 20;

    /// <summary>
    /// A static region not touching the bottom edge or the lower sides is kept only if it is this small (fraction of
    /// the frame) and lies in the outer <see cref="OverlayBandFraction"/> of the frame: burned-in timestamps and logos.
    /// Uniform sky or road far ahead can look static too; they are large and not at the frame's rim.
    /// </summary>
    public double OverlayMaxAreaFraction { get; init; } = 0.03;

    /// <summary>Burned-in text and logos sit in this outer band of the frame (fraction of its width or height).</summary>
    public double OverlayBandFraction { get; init; } = 0.15;

    /// <summary>A detection with at least this fraction of its box inside the mask is the ego vehicle or an overlay.</summary>
    public double MaxInsideFraction { get; init; } = 0.6;
}
