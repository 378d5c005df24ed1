using System.Globalization;
using System.Text.Json;
using Adas.Perception.Events;

namespace Adas.Tests.Perception.Signals;

/// <summary>Every field of an event but its snapshot (pixels the signals do not keep), as one comparable line.</summary>
public static class EventFingerprint
{
    public static string Of(AnalysisEvent e) => string.Join(" ", e.Type, e.Severity, R(e.StartSeconds), R(e.EndSeconds), e.PeakMetric,
        e.PeakValue is { } v ? R(v) : "-", e.TrackId?.ToString(CultureInfo.InvariantCulture) ?? "-",
        e.Details is null ? "-" : JsonSerializer.Serialize(e.Details.OrderBy(d => d.Key, StringComparer.Ordinal)));

    public static IReadOnlyList<string> Of(IEnumerable<AnalysisEvent> events) => [.. events.Select(Of)];

    private static string R(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
