using Adas.ServiceDefaults;
using Microsoft.Extensions.Configuration;

namespace Adas.Data;

/// <summary>Where files live: the data folder holds the SQLite file, stored videos and results.</summary>
public sealed class DataPaths(string root)
{

    public string Root { get; } = Path.GetFullPath(root);
    public string Videos => Path.Combine(Root, "storage", "videos");
    public string Results => Path.Combine(Root, "storage", "results");
    public string Models => Path.Combine(Root, "storage", "models");
    public string Incoming => Path.Combine(Root, "storage", "incoming");

    public string ResultsFor(Guid jobId) => Path.Combine(Results, jobId.ToString("N"));

    /// <summary>Whether the path lies inside the folder: files are only ever deleted from the data folder's own areas.</summary>
    public static bool IsInside(string folder, string path)
    {
        var inside = Path.GetRelativePath(Path.GetFullPath(folder), Path.GetFullPath(path));
        return inside != "." && !inside.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(inside);
    }

    public static DataPaths From(IConfiguration configuration) =>
        new(configuration[EnvironmentVariables.DataDir] is { Length: > 0 } dir ? dir : Path.Combine(Directory.GetCurrentDirectory(), ".data"));
}
