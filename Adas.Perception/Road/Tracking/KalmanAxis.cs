namespace Adas.Perception.Road.Tracking;

/// <summary>
/// A constant-velocity Kalman filter on one box coordinate (position and velocity per second). A box is
/// tracked with four of these (centre x, centre y, width, height), the decoupled form of the usual 8-state filter.
/// </summary>
public sealed class KalmanAxis(double position, double processNoise, double measurementNoise)
{
    private double _p00 = measurementNoise * 4, _p01, _p11 = measurementNoise * 25;

    public double Position { get; private set; } = position;
    public double Velocity { get; private set; }

    public void Predict(double dt)
    {
        if (dt <= 0) return;
        Position += Velocity * dt;
        var q = processNoise;
        // P = F P F' + Q with F = [1 dt; 0 1] and a white-acceleration Q.
        var p00 = _p00 + dt * (2 * _p01 + dt * _p11) + q * dt * dt * dt * dt / 4;
        var p01 = _p01 + dt * _p11 + q * dt * dt * dt / 2;
        var p11 = _p11 + q * dt * dt;
        (_p00, _p01, _p11) = (p00, p01, p11);
    }

    public void Correct(double measured)
    {
        var s = _p00 + measurementNoise;
        var k0 = _p00 / s;
        var k1 = _p01 / s;
        var residual = measured - Position;
        Position += k0 * residual;
        Velocity += k1 * residual;
        var p00 = (1 - k0) * _p00;
        var p01 = (1 - k0) * _p01;
        var p11 = _p11 - k1 * _p01;
        (_p00, _p01, _p11) = (p00, p01, p11);
    }
}
