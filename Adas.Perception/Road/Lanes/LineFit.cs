namespace Adas.Perception.Road.Lanes;

/// <summary>One frame's raw fit of a lane line: the polynomial, the share of windows with paint, and the fit quality.</summary>
public sealed record LineFit(LanePolynomial Polynomial, double Coverage, double RmsResidual, double Confidence);
