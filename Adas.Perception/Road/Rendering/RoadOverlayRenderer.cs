using System.Globalization;
using Adas.Perception.Detection;
using Adas.Perception.Events;
using Adas.Perception.Road.Lanes;
using Adas.Perception.Road.Rules;
using Adas.Perception.Road.Signs;
using OpenCvSharp;

namespace Adas.Perception.Road.Rendering;

/// <summary>Draws the road analysis onto the frame: lane area and lines, object boxes with id, distance and TTC, signs, HUD.</summary>
public sealed class RoadOverlayRenderer : IDisposable
{
    private static readonly Scalar LaneFill = new(90, 200, 60);
    private static readonly Scalar VehicleColour = new(60, 220, 60);
    private static readonly Scalar PersonColour = new(220, 60, 220);
    private static readonly Scalar LeadColour = new(0, 165, 255);
    private static readonly Scalar WarningColour = new(0, 0, 255);
    private static readonly Scalar SignBoxColour = new(255, 200, 0);
    private const double MinLabelledWidth = 0.035;
    private readonly Mat _overlay = new();

    public void Draw(Mat frame, LaneState lane, LaneProjection? projection, IReadOnlyList<RoadObject> objects, RoadObject? lead,
        IReadOnlyList<SignTrack> signs, SignOptions signOptions, IReadOnlyList<(string Type, EventSeverity Severity)> active,
        double? egoSpeedMetersPerSecond = null, Func<RoadObject, bool>? ttcBelieved = null)
    {
        var scale = Math.Max(0.4, frame.Height / 1080.0);
        DrawLane(frame, lane, projection, lead?.InCorridor == true ? (int)lead.Box.Bottom : null);
        var warned = active.Any(a => a.Type is EventTypes.ForwardCollisionWarning or EventTypes.CloseFollowing);
        foreach (var o in objects)
            DrawObject(frame, o, o.TrackId == lead?.TrackId ? warned ? WarningColour : LeadColour : null, scale, ttcBelieved?.Invoke(o) ?? true);
        foreach (var sign in signs.Where(s => s.IsConfirmed(signOptions))) DrawSign(frame, sign, scale);
        DrawHud(frame, lane, active, scale, egoSpeedMetersPerSecond, lead);
    }

    /// <param name="stopRow">The lead vehicle's bottom row: the lane area is shaded up to it, not over the vehicle.</param>
    private void DrawLane(Mat frame, LaneState lane, LaneProjection? projection, int? stopRow)
    {
        if (projection is null) return;
        var left = lane.Left is { Confidence: >= 0.5 } l ? Points(projection, l.Polynomial) : null;
        var right = lane.Right is { Confidence: >= 0.5 } r ? Points(projection, r.Polynomial) : null;
        if (lane.BothConfident && left is not null && right is not null)
        {
            Point[] polygon = [.. left, .. right.Reverse()];
            var bounds = Cv2.BoundingRect(polygon) & new Rect(0, 0, frame.Width, frame.Height);
            if (stopRow is { } row && row > bounds.Top && row < bounds.Bottom) bounds = Rect.FromLTRB(bounds.Left, row, bounds.Right, bounds.Bottom);
            if (bounds.Width > 0 && bounds.Height > 0)
            {
                using var roi = new Mat(frame, bounds);
                roi.CopyTo(_overlay);
                var shifted = polygon.Select(p => new Point(p.X - bounds.X, p.Y - bounds.Y)).ToArray();
                Cv2.FillPoly(_overlay, [shifted], LaneFill);
                Cv2.AddWeighted(_overlay, 0.3, roi, 0.7, 0, roi);
            }
        }
        var lineColour = lane.OffsetFraction is { } o && Math.Abs(o) > 0.25 ? WarningColour : new Scalar(0, 255, 255);
        if (left is not null) Cv2.Polylines(frame, [left], false, lineColour, 3, LineTypes.AntiAlias);
        if (right is not null) Cv2.Polylines(frame, [right], false, lineColour, 3, LineTypes.AntiAlias);
    }

    private static Point[] Points(LaneProjection projection, LanePolynomial line) =>
        [.. projection.LineToFrame(line).Select(p => new Point((int)p.X, (int)p.Y))];

    /// <param name="showTtc">Only a TTC the rules would act on is drawn.</param>
    private static void DrawObject(Mat frame, RoadObject o, Scalar? highlight, double scale, bool showTtc)
    {
        var colour = highlight ?? (CocoClasses.IsVulnerableRoadUser(o.ClassId) ? PersonColour : VehicleColour);
        var box = new Rect((int)o.Box.X, (int)o.Box.Y, (int)o.Box.Width, (int)o.Box.Height);
        Cv2.Rectangle(frame, box, colour, highlight is null ? 2 : 3);
        if (highlight is null && box.Width < MinLabelledWidth * frame.Width) return; // far objects' labels only pile up
        var text = $"{o.Label} #{o.TrackId}";
        if (o.DistanceMeters is { } d) text += string.Create(CultureInfo.InvariantCulture, $" {d:0}m");
        if (showTtc && o.TtcSeconds is { } t && t < 10) text += string.Create(CultureInfo.InvariantCulture, $" TTC {t:0.0}s");
        Label(frame, text, new Point(box.X, Math.Max(12, box.Y - 4)), colour, scale);
    }

    private static void DrawSign(Mat frame, SignTrack sign, double scale)
    {
        var best = sign.Best;
        var box = new Rect((int)sign.Box.X, (int)sign.Box.Y, (int)sign.Box.Width, (int)sign.Box.Height);
        Cv2.Rectangle(frame, box, SignBoxColour, 2);
        var text = sign.Colours.Count > 0 ? $"{best.Label}: {sign.Colours[^1]}" : best.Label;
        Label(frame, text, new Point(box.X, box.Bottom + (int)(16 * scale / 0.5)), SignBoxColour, scale);
    }

    private static void DrawHud(Mat frame, LaneState lane, IReadOnlyList<(string Type, EventSeverity Severity)> active, double scale,
        double? egoSpeed, RoadObject? lead)
    {
        var lineHeight = (int)(22 * scale / 0.5);
        var lines = new List<(string Text, Scalar Colour)>();
        lines.Add(lane is { BothConfident: true, OffsetFraction: { } f }
            ? (string.Create(CultureInfo.InvariantCulture, $"lane offset {f * 100:+0;-0}% ({lane.OffsetMeters:+0.00;-0.00} m)"), Scalar.White)
            : ("lane: searching", new Scalar(180, 180, 180)));
        if (egoSpeed is { } speed)
            lines.Add((string.Create(CultureInfo.InvariantCulture, $"speed {speed * 3.6:0} km/h") +
                       (lead?.DistanceMeters is { } d && speed > 1 ? string.Create(CultureInfo.InvariantCulture, $", headway {d / speed:0.0} s") : ""),
                Scalar.White));
        foreach (var (type, severity) in active)
            lines.Add(($"{severity.ToString().ToUpperInvariant()}: {type.Replace('_', ' ')}",
                severity == EventSeverity.Critical ? WarningColour : LeadColour));
        var width = (int)(330 * scale / 0.5);
        Cv2.Rectangle(frame, new Rect(6, 6, width, lineHeight * lines.Count + 8), new Scalar(30, 30, 30), -1);
        for (var i = 0; i < lines.Count; i++)
            Cv2.PutText(frame, lines[i].Text, new Point(12, 6 + lineHeight * (i + 1) - 4), HersheyFonts.HersheySimplex, scale * 1.1,
                lines[i].Colour, 1, LineTypes.AntiAlias);
    }

    private static void Label(Mat frame, string text, Point origin, Scalar colour, double scale)
    {
        Cv2.PutText(frame, text, origin, HersheyFonts.HersheySimplex, scale, Scalar.Black, 3, LineTypes.AntiAlias);
        Cv2.PutText(frame, text, origin, HersheyFonts.HersheySimplex, scale, colour, 1, LineTypes.AntiAlias);
    }

    public void Dispose() => _overlay.Dispose();
}
