using System.Reflection;

namespace Adas.Tests.Infrastructure;

public static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>The build configuration the tests were built in; the services' builds are in the same.</summary>
    public static string BuildConfiguration { get; } =
        typeof(TestPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Adas.sln"))) return dir.FullName;
        throw new InvalidOperationException("Adas.sln was not found above the test assembly.");
    }

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
