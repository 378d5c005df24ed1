namespace Adas.Perception.Road.Lanes;

internal static class GaussianElimination
{
    /// <summary>Solves a 3x3 system given as an augmented 3x4 matrix (partial pivoting); false when singular.</summary>
    public static bool Solve3(double[,] m, out double x0, out double x1, out double x2)
    {
        x0 = x1 = x2 = 0;
        for (var col = 0; col < 3; col++)
        {
            var pivot = col;
            for (var r = col + 1; r < 3; r++)
                if (Math.Abs(m[r, col]) > Math.Abs(m[pivot, col])) pivot = r;
            if (Math.Abs(m[pivot, col]) < 1e-12) return false;
            if (pivot != col)
                for (var k = 0; k < 4; k++) (m[col, k], m[pivot, k]) = (m[pivot, k], m[col, k]);
            for (var r = 0; r < 3; r++)
            {
                if (r == col) continue;
                var f = m[r, col] / m[col, col];
                for (var k = col; k < 4; k++) m[r, k] -= f * m[col, k];
            }
        }
        x0 = m[0, 3] / m[0, 0];
        x1 = m[1, 3] / m[1, 1];
        x2 = m[2, 3] / m[2, 2];
        return true;
    }
}
