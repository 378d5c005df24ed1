using Adas.Perception.Detection;
using Adas.Perception.Driver.Signals;
using Adas.Perception.Driver.Vision;
using Adas.Perception.Events;
using OpenCvSharp;
using static Adas.Perception.Driver.Rendering.OverlayGauges;

namespace Adas.Perception.Driver.Rendering;

/// <summary>
/// Draws the driver annotations: face box (coloured by the worst open warning), eye and inner-mouth landmarks,
/// head direction, a gauge panel (EAR with the closed threshold, MAR, PERCLOS, head-pose dial) and the HUD of
/// open warnings. Leaves the bottom-left corner to the frame clock.
/// </summary>
public static class DriverOverlay
{
    public static void Draw(Mat image, FaceReading? face, DriverFrameStatus status, IReadOnlyList<Detection.Detection> phones,
        DriverOptions options)
    {
        var scale = Math.Max(0.75, image.Height / 480.0);
        var worst = status.Warnings.Count == 0 ? (EventSeverity?)null : status.Warnings.Max(w => w.Severity);
        if (face is not null) DrawFace(image, face, status, worst, scale);
        foreach (var phone in phones) DrawPhone(image, phone, scale);
        DrawPanel(image, status, options, scale);
        DrawWarnings(image, status.Warnings, scale);
    }

    private static void DrawFace(Mat image, FaceReading face, DriverFrameStatus status, EventSeverity? worst, double scale)
    {
        var colour = worst switch { EventSeverity.Critical => Bad, EventSeverity.Warning => Warn, _ => Ok };
        var thickness = Math.Max(1, (int)Math.Round(2 * scale));
        Cv2.Rectangle(image, FaceCrop.Round(face.Face.Box), colour, thickness);
        var eyeColour = status.Signals.EyesClosed ? Bad : new Scalar(255, 255, 0);
        Outline(image, face.Landmarks, face.Layout.RightEye, eyeColour);
        Outline(image, face.Landmarks, face.Layout.LeftEye, eyeColour);
        Outline(image, face.Landmarks, face.Layout.InnerMouthOutline, status.Signals.MouthOpen ? Warn : new Scalar(255, 0, 255));
        var nose = face.Landmarks[face.Layout.PosePoints[0]];
        var length = face.Face.Box.Width * 0.6;
        var yaw = face.Pose.Yaw * Math.PI / 180;
        var pitch = face.Pose.Pitch * Math.PI / 180;
        var tip = new Point(nose.X + length * Math.Sin(yaw), nose.Y - length * Math.Sin(pitch));
        if (tip != (Point)nose)
            Cv2.ArrowedLine(image, (Point)nose, tip, status.Signals.OffRoad ? Bad : Ok, thickness, LineTypes.AntiAlias, 0, 0.2);
    }

    private static void Outline(Mat image, Point2f[] points, int[] indices, Scalar colour)
    {
        var polygon = indices.Select(i => (Point)points[i]).ToArray();
        Cv2.Polylines(image, [polygon], true, colour, 1, LineTypes.AntiAlias);
    }

    private static void DrawPhone(Mat image, Detection.Detection phone, double scale)
    {
        var box = new Rect((int)phone.Box.X, (int)phone.Box.Y, (int)phone.Box.Width, (int)phone.Box.Height);
        Cv2.Rectangle(image, box, Bad, Math.Max(1, (int)Math.Round(2 * scale)));
        Label(image, $"phone {phone.Score:0.00}", new Point(box.X, Math.Max(12, box.Y - 4)), 0.45 * scale, Bad);
    }

    private static void DrawPanel(Mat image, DriverFrameStatus status, DriverOptions options, double scale)
    {
        var s = status.Signals;
        int P(double v) => (int)Math.Round(v * scale);
        var panel = new Rect(P(6), P(6), P(236), P(112));
        Shade(image, panel);
        var font = 0.42 * scale;
        var state = status.State.Replace('_', ' ').ToUpperInvariant();
        var stateColour = status.State == DriverStates.Alert ? Ok : status.Warnings.Count > 0 ? Bad : Warn;
        Label(image, state, new Point(P(12), P(22)), 0.55 * scale, stateColour, Math.Max(1, P(1.4)));
        if (!s.Calibrated) Label(image, "calibrating", new Point(P(110), P(22)), font, Dim);

        var barX = P(84);
        var barWidth = P(84);
        var barHeight = P(9);
        Label(image, $"EAR {s.Ear:0.00}", new Point(P(12), P(42)), font, Text);
        Bar(image, new Rect(barX, P(34), barWidth, barHeight), s.FacePresent ? s.Ear : null, 0.5, s.EyesClosed, s.EarThreshold);
        Label(image, $"MAR {s.Mar:0.00}", new Point(P(12), P(60)), font, Text);
        Bar(image, new Rect(barX, P(52), barWidth, barHeight), s.FacePresent ? s.Mar : null, 1.0, s.MouthOpen, s.YawnThreshold);
        var perclos = s.Perclos is { } p ? $"{p * 100:0}%" : "--";
        Label(image, $"PERC {perclos}", new Point(P(12), P(78)), font, Text);
        Bar(image, new Rect(barX, P(70), barWidth, barHeight), s.Perclos, 0.5, s.Perclos >= options.PerclosWarning,
            options.PerclosWarning, options.PerclosCritical);
        Label(image, s.FacePresent ? $"yaw {s.Yaw:+0;-0} pitch {s.Pitch:+0;-0} roll {s.Roll:+0;-0}" : "no face",
            new Point(P(12), P(98)), font, Text);
        if (s.Phone) Label(image, "phone", new Point(P(12), P(112)), font, Bad);
        PoseDial(image, new Rect(P(176), P(32), P(58), P(58)), s.Yaw, s.Pitch, options.OffRoadYawDegrees,
            options.OffRoadPitchDownDegrees, s.OffRoad);
    }

    private static void DrawWarnings(Mat image, IReadOnlyList<ActiveWarning> warnings, double scale)
    {
        var y = (int)Math.Round(8 * scale);
        foreach (var warning in warnings.OrderByDescending(w => w.Severity))
        {
            var text = warning.Type.Replace('_', ' ').ToUpperInvariant();
            var font = 0.6 * scale;
            var thickness = Math.Max(1, (int)Math.Round(1.5 * scale));
            var size = Cv2.GetTextSize(text, HersheyFonts.HersheySimplex, font, thickness, out _);
            var box = new Rect(image.Width - size.Width - (int)(20 * scale), y, size.Width + (int)(12 * scale), size.Height + (int)(12 * scale));
            var colour = warning.Severity switch { EventSeverity.Critical => Bad, EventSeverity.Warning => Warn, _ => new Scalar(160, 120, 40) };
            Cv2.Rectangle(image, box, colour, -1);
            Label(image, text, new Point(box.X + (int)(6 * scale), box.Bottom - (int)(6 * scale)), font, Scalar.White, thickness);
            y = box.Bottom + (int)(6 * scale);
        }
    }
}
