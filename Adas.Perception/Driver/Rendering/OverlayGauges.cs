using OpenCvSharp;

namespace Adas.Perception.Driver.Rendering;

/// <summary>Small drawing primitives for the driver HUD: labelled bars with threshold ticks, a head-pose dial, shaded panels.</summary>
internal static class OverlayGauges
{
    public static readonly Scalar Ok = new(80, 200, 80);
    public static readonly Scalar Warn = new(0, 165, 255);
    public static readonly Scalar Bad = new(40, 40, 230);
    public static readonly Scalar Text = new(235, 235, 235);
    public static readonly Scalar Dim = new(120, 120, 120);

    public static void Shade(Mat image, Rect area, double keep = 0.35)
    {
        area &= new Rect(0, 0, image.Width, image.Height);
        if (area.Width <= 0 || area.Height <= 0) return;
        using var roi = new Mat(image, area);
        roi.ConvertTo(roi, -1, keep, 0);
    }

    public static void Label(Mat image, string text, Point at, double scale, Scalar color, int thickness = 1) =>
        Cv2.PutText(image, text, at, HersheyFonts.HersheySimplex, scale, color, thickness, LineTypes.AntiAlias);

    /// <summary>A horizontal bar for <paramref name="value"/> in [0, max], filled red when past the (first) threshold.</summary>
    public static void Bar(Mat image, Rect area, double? value, double max, bool alarming, params double[] ticks)
    {
        Cv2.Rectangle(image, area, Dim, 1);
        if (value is { } v)
        {
            var filled = (int)Math.Round(Math.Clamp(v / max, 0, 1) * (area.Width - 2));
            if (filled > 0)
                Cv2.Rectangle(image, new Rect(area.X + 1, area.Y + 1, filled, area.Height - 2), alarming ? Bad : Ok, -1);
        }
        foreach (var tick in ticks)
        {
            var x = area.X + (int)Math.Round(Math.Clamp(tick / max, 0, 1) * area.Width);
            Cv2.Line(image, new Point(x, area.Y - 2), new Point(x, area.Y + area.Height + 1), Text, 1);
        }
    }

    /// <summary>A square dial: the dot is the head direction (yaw right, pitch up), the box the on-road zone.</summary>
    public static void PoseDial(Mat image, Rect area, double yaw, double pitch, double yawLimit, double pitchDownLimit, bool offRoad)
    {
        const double range = 60;
        Cv2.Rectangle(image, area, Dim, 1);
        var cx = area.X + area.Width / 2;
        var cy = area.Y + area.Height / 2;
        Cv2.Line(image, new Point(area.X, cy), new Point(area.Right - 1, cy), Dim, 1);
        Cv2.Line(image, new Point(cx, area.Y), new Point(cx, area.Bottom - 1), Dim, 1);
        int X(double degrees) => cx + (int)Math.Round(Math.Clamp(degrees / range, -1, 1) * area.Width / 2);
        int Y(double degrees) => cy - (int)Math.Round(Math.Clamp(degrees / range, -1, 1) * area.Height / 2);
        var zone = new Rect(new Point(X(-yawLimit), area.Y + 1), new Size(X(yawLimit) - X(-yawLimit), Y(-pitchDownLimit) - area.Y - 1));
        Cv2.Rectangle(image, zone, Ok, 1);
        Cv2.Circle(image, new Point(X(yaw), Y(pitch)), Math.Max(2, area.Width / 16), offRoad ? Bad : Text, -1, LineTypes.AntiAlias);
    }
}
