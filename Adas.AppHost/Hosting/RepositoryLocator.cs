using System.Reflection;

namespace Adas.AppHost.Hosting;

public static class RepositoryLocator
{
    /// <summary>The folder holding Adas.sln, found by walking up from the launcher's own location.</summary>
    public static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Adas.sln"))) return dir.FullName;
        throw new LaunchException("Adas.sln was not found above the launcher; run it from the repository.");
    }

    /// <summary>The build configuration the launcher itself was built in; the services are run from the same.</summary>
    public static string BuildConfiguration(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
}
