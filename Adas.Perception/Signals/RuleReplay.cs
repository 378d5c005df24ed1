using Adas.Perception.Driver;
using Adas.Perception.Events;
using Adas.Shared.Signals;

namespace Adas.Perception.Signals;

/// <summary>Events as a pure function of (signals file, rule options): what the live run would have found with these options.</summary>
public static class RuleReplay
{
    public static IReadOnlyList<AnalysisEvent> Run(string signalsPath, RuleOptions options)
    {
        using var reader = new SignalTableReader(signalsPath);
        return reader.Pipeline switch
        {
            SignalsFile.RoadPipeline => RoadRuleReplay.Run(RoadSignalReader.Frames(reader), options.Road, options.Signs),
            SignalsFile.DriverPipeline => DriverRuleReplay.Run(DriverSignalReader.Rows(reader), DriverOptionsOf(reader, options.Driver), reader.Fps),
            var other => throw new InvalidDataException($"Unknown signals pipeline '{other}'."),
        };
    }

    /// <summary>Eye thresholds depend on the landmark model the readings came from.</summary>
    private static DriverOptions DriverOptionsOf(SignalTableReader reader, DriverOptions options) =>
        reader.Metadata.GetValueOrDefault(SignalsFile.LandmarksKey) is { } name && Enum.TryParse<LandmarkModelKind>(name, out var kind)
            ? options with { Landmarks = kind }
            : options;
}
