namespace Adas.Perception.Road.Lanes;

/// <summary>Temporal smoothing of one lane line: blends consistent fits, ignores outliers, lets confidence decay when unseen.</summary>
public sealed class SmoothedLaneLine(LaneDetectorOptions options)
{
    private const double OutlierDistance = 0.08;

    public LanePolynomial? Polynomial { get; private set; }
    public double Confidence { get; private set; }
    public bool IsConfident => Polynomial is not null && Confidence >= options.ConfidenceThreshold;

    public LaneLine? Line => Polynomial is { } p ? new LaneLine(p, Confidence) : null;

    public void Update(LineFit? fit, double dt)
    {
        var alpha = dt <= 0 ? 1 : 1 - Math.Exp(-dt / options.SmoothingTimeConstant);
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
            return;
        }
        if (current.Distance(fit.Polynomial) > OutlierDistance)
        {
            Decay(dt);
            return;
        }
        Polynomial = current.Blend(fit.Polynomial, alpha);
        Confidence += alpha * (fit.Confidence - Confidence);
    }

    public void TakeFrom(SmoothedLaneLine other)
    {
        (Polynomial, Confidence) = (other.Polynomial, other.Confidence);
        other.Clear();
    }

    public void Clear() => (Polynomial, Confidence) = (null, 0);

    private void Decay(double dt)
    {
        Confidence *= dt <= 0 ? 0.7 : Math.Exp(-dt / options.ConfidenceDecayTimeConstant);
        if (Confidence < 0.05) Clear();
    }
}
