namespace Adas.Worker.Cli;

/// <summary>CPU time (user + system) of a process, or of a process and all its descendants, from /proc.</summary>
public static class ProcessCpu
{
    private const double TicksPerSecond = 100; // USER_HZ, 100 on every Linux the system runs on

    public static double Seconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // Fields after the command name (which may hold spaces) start at state (field 3); utime and stime are 14 and 15.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11]) + long.Parse(fields[12])) / TicksPerSecond;
        }
        catch (IOException)
        {
            return 0; // the process ended
        }
    }

    /// <summary>
    /// CPU seconds of every process (but this one) whose environment has <paramref name="variable"/>, summed by process
    /// name: the launcher sets the data folder for all it starts (dashboard, API, worker, Redis), which the launcher's
    /// orchestrator does not keep as children. Processes that ended meanwhile drop out of the sums.
    /// </summary>
    public static Dictionary<string, double> SecondsByProcessWith(string variable)
    {
        var marker = System.Text.Encoding.UTF8.GetBytes(variable + "\0");
        var totals = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || pid == Environment.ProcessId) continue;
            try
            {
                if (File.ReadAllBytes(Path.Combine(dir, "environ")).AsSpan().IndexOf(marker) < 0) continue;
                var name = Name(File.ReadAllText(Path.Combine(dir, "comm")).Trim());
                totals[name] = totals.GetValueOrDefault(name) + Seconds(pid);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // gone meanwhile, or not ours to read
            }
        }
        return totals;
    }

    /// <summary>A key-friendly process name: <c>Adas.Api</c> -> <c>api</c>, <c>Aspire.Dashboard</c> (cut to 15 characters) -> <c>dashboard</c>.</summary>
    private static string Name(string comm) => comm switch
    {
        _ when comm.StartsWith("Aspire.Dashboar", StringComparison.Ordinal) => "dashboard",
        _ when comm.StartsWith("Adas.", StringComparison.Ordinal) => comm["Adas.".Length..].ToLowerInvariant(),
        "dotnet" => "dotnet_hosts", // the launcher and the `dotnet run` wrappers it starts the services with
        _ => comm.Replace('-', '_').ToLowerInvariant(),
    };
}
