using System.Diagnostics;

namespace Adas.Tests.Infrastructure;

public static class ProcessProbe
{
    public static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Processes whose command line or environment mentions the marker (e.g. a test's data folder).</summary>
    public static IReadOnlyList<int> FindByMarker(string marker) =>
        Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(name => int.TryParse(name, out _))
            .Select(int.Parse!)
            .Where(pid => pid != Environment.ProcessId
                && (Read($"/proc/{pid}/cmdline").Contains(marker) || Read($"/proc/{pid}/environ").Contains(marker)))
            .ToList();

    private static string Read(string file)
    {
        try { return File.ReadAllText(file).Replace('\0', ' '); }
        catch (IOException) { return ""; }
        catch (UnauthorizedAccessException) { return ""; }
    }
}
