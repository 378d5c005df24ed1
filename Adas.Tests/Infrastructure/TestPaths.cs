using Adas.AppHost.Hosting;

namespace Adas.Tests.Infrastructure;

public static class TestPaths
{
    public static string RepositoryRoot { get; } = RepositoryLocator.FindRoot();

    /// <summary>A fetched model or media file (scripts/fetch-assets puts them under .assets/).</summary>
    public static string Asset(string relativePath)
    {
        var path = Path.Combine(RepositoryRoot, ".assets", relativePath);
        if (!File.Exists(path))
            throw new FileNotFoundException($"Asset {relativePath} is missing; run scripts/fetch-assets first.", path);
        return path;
    }

    public static string NewTempDirectory(string prefix)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)]);
        Directory.CreateDirectory(dir);
        return dir;
    }
}
