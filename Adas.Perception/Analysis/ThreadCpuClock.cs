using System.Runtime.InteropServices;

namespace Adas.Perception.Analysis;

/// <summary>
/// CPU time of the calling thread (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>): what a stage cost, unlike wall time barely
/// inflated by other processes competing for the cores. Work a stage hands to other threads (OpenCV's own pool) is
/// not in it.
/// </summary>
internal static partial class ThreadCpuClock
{
    private const int ClockThreadCpuTimeId = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    private static readonly bool Available = OperatingSystem.IsLinux();

    /// <summary>Nanoseconds of CPU the calling thread has used; 0 where the clock is not available.</summary>
    public static long Nanoseconds() =>
        Available && ClockGetTime(ClockThreadCpuTimeId, out var time) == 0 ? time.Seconds * 1_000_000_000 + time.Nanoseconds : 0;
}
