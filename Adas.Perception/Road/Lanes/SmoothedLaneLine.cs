namespace Adas.Perception.Road.Lanes;

/// <summary>Temporal smoothing of one lane line: blends consistent fits, ignores outliers, lets confidence decay when unseen.</summary>
public sealed class SmoothedLaneLine(LaneDetectorOptions options)
{
    private const double OutlierDistance = 0.08;

    public LanePolynomial? Polynomial { get; private set; }
    public double Confidence { get; private set; }
    public bool IsConfident => Polynomial is not null && Confidence >= options.ConfidenceThreshold;

    public LaneLine? Line => Polynomial is { } p ? new LaneLine(p, Confidence) : null;

    /// <summary>Whether the last update took a fit (else the line is held from earlier frames, its confidence decaying).</summary>
    public bool Seen { get; private set; }

    public void Update(LineFit? fit, double dt)
    {
        var alpha = dt <= 0 ? 1 : 1 - Math.Exp(-dt / options.SmoothingTimeConstant);
        Seen = false;
        if (fit is null || fit.Confidence <= 0)
        {
            Decay(dt);
            return;
        }
        if (Polynomial is not { } current || !IsConfident)
        {
            var wasEmpty = Polynomial is null;
            Polynomial = fit.Polynomial;
            Confidence = wasEmpty ? fit.Confidence : Math.Max(fit.Confidence * 0.8, Confidence + alpha * (fit.Confidence - Confidence));
            Seen = true;
            return;
        }
        if (current.Distance(fit.Polynomial) > OutlierDistance)
        {
            Decay(dt);
            return;
        }
        Polynomial = current.Blend(fit.Polynomial, alpha);
        Confidence += alpha * (fit.Confidence - Confidence);
        Seen = true;
    }

    /// <summary>Moves a held line sideways with its seen partner: the lane keeps its width while one line is in a gap.</summary>
    public void Follow(LanePolynomial before, LanePolynomial after)
    {
        if (Polynomial is not { } p) return;
        Polynomial = new LanePolynomial(p.A + after.A - before.A, p.B + after.B - before.B, p.C + after.C - before.C);
    }

    public void TakeFrom(SmoothedLaneLine other)
    {
        (Polynomial, Confidence) = (other.Polynomial, other.Confidence);
        other.Clear();
    }

    /// <summary>Moves the line into a rebuilt view (keeping its confidence); forgets it when it cannot be moved.</summary>
    public void Reproject(Func<LanePolynomial, LanePolynomial?> move)
    {
        if (Polynomial is not { } current) return;
        if (move(current) is { } moved) Polynomial = moved;
        else Clear();
    }

    public void Clear() => (Polynomial, Confidence) = (null, 0);

    private void Decay(double dt)
    {
        Confidence *= dt <= 0 ? 0.7 : Math.Exp(-dt / options.ConfidenceDecayTimeConstant);
        if (Confidence < 0.05) Clear();
    }
}
