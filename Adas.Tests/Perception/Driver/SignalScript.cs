using Adas.Perception.Analysis;
using Adas.Perception.Driver;
using Adas.Perception.Driver.Signals;
using Adas.Perception.Events;

namespace Adas.Tests.Perception.Driver;

/// <summary>
/// Synthetic per-frame driver measurements at 30 fps, run through a <see cref="DriverSignalTracker"/>. The scripts'
/// EAR and MAR are in PFLD-68 units (its profile's limits apply) unless other options are given.
/// </summary>
internal static class SignalScript
{
    public const double Fps = 30;
    public const double OpenEar = 0.33;
    public const double ClosedEar = 0.12;

    public static DriverOptions Pfld { get; } = new() { Landmarks = LandmarkModelKind.Pfld68 };

    public static DriverMeasurement Alert(double t) => new(t, FacePresent: true, Ear: OpenEar, Mar: 0.05);

    public static bool Between(double t, double from, double to) => t >= from - 1e-9 && t < to - 1e-9;

    public static ScriptResult Run(double seconds, Func<double, DriverMeasurement> at, DriverOptions? options = null, double fps = Fps)
    {
        var tracker = new DriverSignalTracker(options ?? Pfld, 1 / fps);
        var frames = (int)Math.Round(seconds * fps);
        var statuses = new List<DriverFrameStatus>(frames);
        for (var i = 0; i < frames; i++) statuses.Add(tracker.Update(at(i / fps)));
        var (events, rows, summary) = tracker.Complete();
        return new ScriptResult(events, rows, summary, statuses, tracker);
    }
}
