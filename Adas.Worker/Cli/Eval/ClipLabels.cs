using System.Text.Json;
using System.Text.Json.Serialization;

namespace Adas.Worker.Cli.Eval;

/// <summary>One dev clip's human labels (<c>eval/labels/README.md</c> documents the format).</summary>
public sealed record ClipLabels(string Clip, string VideoType, string? Note, IReadOnlyList<ExpectedEvent> Events, IReadOnlyList<QuietWindow> Quiet)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static ClipLabels Load(string path) =>
        JsonSerializer.Deserialize<ClipLabels>(File.ReadAllText(path), Json) is { Clip.Length: > 0 } labels
            ? labels with { Events = labels.Events ?? [], Quiet = labels.Quiet ?? [] }
            : throw new CliException($"'{path}' holds no clip labels.");

    public static IReadOnlyList<ClipLabels> LoadFolder(string folder) =>
        Directory.Exists(folder)
            ? [.. Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal).Select(Load)]
            : throw new CliException($"'{folder}' is not a folder.");
}

/// <param name="Types">Event types that count as the same judgment.</param>
/// <param name="Severity">The highest severity the scene justifies.</param>
/// <param name="Conflict">The moment of the conflict (closest approach), for the lead time of warnings.</param>
/// <param name="Required">False: acceptable but not demanded (no true positive, no miss).</param>
public sealed record ExpectedEvent(IReadOnlyList<string> Types, string Severity, double Start, double End, double? Conflict,
    bool Required = true, string? Note = null);

/// <param name="Types">Only these event types may not fire here; all of them when empty.</param>
public sealed record QuietWindow(double Start, double End, string? Note = null, IReadOnlyList<string>? Types = null)
{
    public bool Covers(string type) => Types is not { Count: > 0 } || Types.Contains(type);
}
