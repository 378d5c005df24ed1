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
    /// Every process (but this one) whose environment has <paramref name="variable"/>: the launcher sets the data folder
    /// for all it starts (dashboard, API, worker, Redis), which the launcher's orchestrator does not keep as children.
    /// </summary>
    public static double SecondsOfProcessesWith(string variable)
    {
        var marker = System.Text.Encoding.UTF8.GetBytes(variable + "\0");
        var total = 0.0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || pid == Environment.ProcessId) continue;
            try
            {
                if (File.ReadAllBytes(Path.Combine(dir, "environ")).AsSpan().IndexOf(marker) >= 0) total += Seconds(pid);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // gone meanwhile, or not ours to read
            }
        }
        return total;
    }
}
