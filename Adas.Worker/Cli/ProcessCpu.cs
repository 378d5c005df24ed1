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

    /// <summary>The process and everything it started (the launcher's dashboard, API, worker, Redis).</summary>
    public static double TreeSeconds(int pid) => Descendants(pid).Append(pid).Sum(Seconds);

    private static IEnumerable<int> Descendants(int pid)
    {
        var children = new Dictionary<int, List<int>>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var child)) continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var parent = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1]);
                if (!children.TryGetValue(parent, out var list)) children[parent] = list = [];
                list.Add(child);
            }
            catch (IOException)
            {
                // gone meanwhile
            }
        }
        var pending = new Stack<int>([pid]);
        while (pending.TryPop(out var current))
            foreach (var child in children.GetValueOrDefault(current) ?? [])
            {
                yield return child;
                pending.Push(child);
            }
    }
}
