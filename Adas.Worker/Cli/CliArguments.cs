using Adas.Data.Entities;

namespace Adas.Worker.Cli;

/// <summary>Positional arguments and <c>--name value</c> options (a lone <c>--flag</c> is "true").</summary>
public sealed class CliArguments
{
    public List<string> Positional { get; } = [];
    public Dictionary<string, string> Options { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static CliArguments Parse(string[] args)
    {
        var parsed = new CliArguments();
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--")) { parsed.Positional.Add(args[i]); continue; }
            var name = args[i][2..];
            parsed.Options[name] = i + 1 < args.Length && !args[i + 1].StartsWith("--") ? args[++i] : "true";
        }
        return parsed;
    }

    public string? Get(string name) => Options.GetValueOrDefault(name);

    public string Require(string name) => Get(name) ?? throw new CliException($"--{name} is required.");

    public int GetInt(string name, int fallback) => Get(name) is { } text
        ? int.TryParse(text, out var value) && value > 0 ? value : throw new CliException($"--{name} must be a positive number.")
        : fallback;

    public double GetDouble(string name, double fallback, double min, double max) => Get(name) is { } text
        ? double.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new CliException($"--{name} must be a number from {min} to {max}.")
        : fallback;

    public VideoType VideoType(VideoType? fallback = null) => Get("type") switch
    {
        "dashcam" => Data.Entities.VideoType.Dashcam,
        "in_cabin" => Data.Entities.VideoType.InCabin,
        null when fallback is { } f => f,
        null => throw new CliException("--type is required: dashcam or in_cabin."),
        var other => throw new CliException($"--type '{other}' is not dashcam or in_cabin."),
    };

    public static string ExistingFile(string path) =>
        File.Exists(path) ? Path.GetFullPath(path) : throw new CliException($"'{path}' does not exist or is not a file.");
}
