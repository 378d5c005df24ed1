namespace Adas.Perception.Road.Lanes;

/// <summary>One smoothed lane line and how sure the detector is of it (0-1).</summary>
public sealed record LaneLine(LanePolynomial Polynomial, double Confidence);
