using OpenCvSharp;

namespace Adas.Perception.Road.Tracking;

/// <summary>Constant-velocity Kalman filter over a box (centre, width, height), noise scaled to the box size.</summary>
public sealed class KalmanBoxFilter
{
    private readonly KalmanAxis _cx, _cy, _w, _h;

    public KalmanBoxFilter(Rect2f box)
    {
        var size = Math.Max(8.0, Math.Sqrt(box.Width * box.Height));
        var measurement = Math.Pow(Math.Max(1.5, 0.04 * size), 2);
        var motion = Math.Pow(3.0 * size, 2);
        var growth = Math.Pow(1.5 * size, 2);
        _cx = new KalmanAxis(box.X + box.Width / 2, motion, measurement);
        _cy = new KalmanAxis(box.Y + box.Height / 2, motion, measurement);
        _w = new KalmanAxis(box.Width, growth, measurement);
        _h = new KalmanAxis(box.Height, growth, measurement);
    }

    public Rect2f Box
    {
        get
        {
            var w = (float)Math.Max(1, _w.Position);
            var h = (float)Math.Max(1, _h.Position);
            return new Rect2f((float)_cx.Position - w / 2, (float)_cy.Position - h / 2, w, h);
        }
    }

    public void Predict(double dt)
    {
        _cx.Predict(dt);
        _cy.Predict(dt);
        _w.Predict(dt);
        _h.Predict(dt);
    }

    public void Correct(Rect2f box)
    {
        _cx.Correct(box.X + box.Width / 2);
        _cy.Correct(box.Y + box.Height / 2);
        _w.Correct(box.Width);
        _h.Correct(box.Height);
    }
}
