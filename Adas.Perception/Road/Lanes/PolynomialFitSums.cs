namespace Adas.Perception.Road.Lanes;

/// <summary>Running sums for a least-squares fit of u = a v² + b v + c, with an optional pull of a towards a prior.</summary>
public sealed class PolynomialFitSums
{
    private double _n, _v1, _v2, _v3, _v4, _u, _uv, _uv2, _uu;
    public double MinV { get; private set; } = double.MaxValue;
    public double MaxV { get; private set; } = double.MinValue;

    public double Count => _n;

    public void Reset()
    {
        _n = _v1 = _v2 = _v3 = _v4 = _u = _uv = _uv2 = _uu = 0;
        MinV = double.MaxValue;
        MaxV = double.MinValue;
    }

    public void Add(double u, double v)
    {
        var v2 = v * v;
        _n++; _v1 += v; _v2 += v2; _v3 += v2 * v; _v4 += v2 * v2;
        _u += u; _uv += u * v; _uv2 += u * v2; _uu += u * u;
        MinV = Math.Min(MinV, v);
        MaxV = Math.Max(MaxV, v);
    }

    /// <summary>Solves the normal equations; <paramref name="curvaturePull"/> (per point) holds A near <paramref name="priorA"/>.</summary>
    public (LanePolynomial Fit, double RmsResidual)? Solve(double priorA = 0, double curvaturePull = 0)
    {
        if (_n < 3) return null;
        var ridge = curvaturePull * _n;
        double[,] m =
        {
            { _v4 + ridge, _v3, _v2, _uv2 + ridge * priorA },
            { _v3, _v2, _v1, _uv },
            { _v2, _v1, _n, _u },
        };
        if (!GaussianElimination.Solve3(m, out var a, out var b, out var c)) return null;
        var squared = _uu - 2 * (a * _uv2 + b * _uv + c * _u)
                      + a * a * _v4 + 2 * a * b * _v3 + (b * b + 2 * a * c) * _v2 + 2 * b * c * _v1 + c * c * _n;
        return (new LanePolynomial(a, b, c), Math.Sqrt(Math.Max(0, squared) / _n));
    }
}
