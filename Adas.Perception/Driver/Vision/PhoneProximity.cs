using Adas.Perception.Detection;
using OpenCvSharp;

namespace Adas.Perception.Driver.Vision;

/// <summary>
/// Decides whether a detected cell phone is in use: near the driver's face (overlapping the face box widened by a
/// margin of face widths) or down where the hands are (lower part of the frame).
/// </summary>
public sealed class PhoneProximity(DriverOptions options)
{
    public bool IsPhone(Detection.Detection detection) =>
        detection.ClassId == options.PhoneClassId && detection.Score >= options.PhoneMinScore;

    public bool IsNearDriver(Detection.Detection phone, Rect2f? face, Size frame)
    {
        if (phone.ClassId != options.PhoneClassId) return false;
        var box = phone.Box;
        if (face is { } f && phone.Score >= options.PhoneNearFaceMinScore)
        {
            var margin = (float)options.PhoneFaceMargin * f.Width;
            var zone = new Rect2f(f.X - margin, f.Y - margin * 0.5f, f.Width + 2 * margin, f.Height + 1.5f * margin);
            if (Overlaps(zone, box)) return true;
        }
        return IsPhone(phone) && box.Y + box.Height / 2 >= frame.Height * options.PhoneLowerFrameFraction;
    }

    public IReadOnlyList<Detection.Detection> PhonesNearDriver(IReadOnlyList<Detection.Detection> detections, Rect2f? face, Size frame) =>
        [.. detections.Where(d => IsNearDriver(d, face, frame))];

    private static bool Overlaps(Rect2f a, Rect2f b) =>
        a.X < b.X + b.Width && b.X < a.X + a.Width && a.Y < b.Y + b.Height && b.Y < a.Y + a.Height;
}
