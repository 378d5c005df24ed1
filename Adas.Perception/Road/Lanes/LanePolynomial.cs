namespace Adas.Perception.Road.Lanes;

/// <summary>
/// A lane line in the bird's-eye view as u = A v² + B v + C, with v the row (0 far, 1 near) and u the column,
/// both as fractions of the bird's-eye image size.
/// </summary>
public readonly record struct LanePolynomial(double A, double B, double C)
{
    public double At(double v) => (A * v + B) * v + C;

    public LanePolynomial Blend(LanePolynomial target, double alpha) =>
        new(A + alpha * (target.A - A), B + alpha * (target.B - B), C + alpha * (target.C - C));

    /// <summary>Mean absolute horizontal distance to another line over the view.</summary>
    public double Distance(LanePolynomial other)
    {
        var sum = 0.0;
        for (var i = 0; i <= 4; i++) sum += Math.Abs(At(i / 4.0) - other.At(i / 4.0));
        return sum / 5;
    }
}
