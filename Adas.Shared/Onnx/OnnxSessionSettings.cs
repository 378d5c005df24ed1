namespace Adas.Shared.Onnx;

/// <summary>How an ONNX Runtime session runs. Every model is loaded through <see cref="OnnxSessions"/> with one of these.</summary>
public sealed record OnnxSessionSettings
{
    /// <summary>Intra-operator threads: the work of one call is split over them.</summary>
    public int Threads { get; init; } = 1;

    /// <summary>
    /// Whether the intra-operator threads busy-wait between operators. Off by default: the encoder (ffmpeg) and other
    /// workers share the cores, and spinning threads take their time without speeding inference up.
    /// </summary>
    public bool AllowSpinning { get; init; }

    /// <summary>Denormal floats flushed to zero, for a model whose activations underflow (they run many times slower).</summary>
    public bool DenormalsAsZero { get; init; }

    /// <summary>Graph optimisation at load; off when the session is made only to read the model's inputs and outputs.</summary>
    public bool Optimize { get; init; } = true;

    public static OnnxSessionSettings MetadataOnly { get; } = new() { Optimize = false };
}
