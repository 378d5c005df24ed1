using System.Runtime.InteropServices;

namespace Adas.AppHost.Hosting;

internal static partial class Signals
{
    private const int SigTerm = 15;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    /// <summary>Asks a process to stop gracefully (SIGTERM), as Ctrl+C would; Process.Kill is SIGKILL.</summary>
    public static void Terminate(int pid)
    {
        if (!OperatingSystem.IsWindows()) Kill(pid, SigTerm);
    }
}
