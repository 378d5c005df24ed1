using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Adas.Worker.Cli;

/// <summary>
/// Sends GETs at a fixed rate whatever the server does (open loop): request i is due at start + i / rate, and its
/// latency counts from that due time, so neither a stalled server nor a late sender can hide queueing. The sender
/// is one thread that sleeps with microsecond timers (<c>usleep</c>) and spins only for the last
/// <see cref="SpinMicroseconds"/>: an earlier loop spun through every 2 ms gap at 500 requests/s and kept one of the
/// machine's two cores busy, which the server under test then did not have.
/// </summary>
public static class OpenLoopLoad
{
    private const long SpinMicroseconds = 80;

    public sealed record Result(double[] LatenciesMs, double[] SendLagMs, int Errors, double ElapsedSeconds);

    public static async Task<Result> RunAsync(HttpClient http, string path, int rate, int seconds)
    {
        var total = rate * seconds;
        var latencies = new double[total];
        var lags = new double[total];
        var errors = 0;
        var tasks = new Task[total];
        var start = Stopwatch.GetTimestamp() + Stopwatch.Frequency / 100;
        var sender = new Thread(() =>
        {
            for (var i = 0; i < total; i++)
            {
                var due = start + (long)(i * (double)Stopwatch.Frequency / rate);
                WaitUntil(due);
                var index = i;
                lags[index] = Milliseconds(Stopwatch.GetTimestamp() - due);
                tasks[index] = Task.Run(async () =>
                {
                    try
                    {
                        using var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
                        await response.Content.CopyToAsync(Stream.Null);
                        if (!response.IsSuccessStatusCode) Interlocked.Increment(ref errors);
                    }
                    catch (HttpRequestException)
                    {
                        Interlocked.Increment(ref errors);
                    }
                    latencies[index] = Milliseconds(Stopwatch.GetTimestamp() - due);
                });
            }
        }) { IsBackground = true, Name = "open-loop sender" };
        sender.Start();
        await Task.Run(sender.Join);
        await Task.WhenAll(tasks);
        return new Result(latencies, lags, errors, (Stopwatch.GetTimestamp() - start) / (double)Stopwatch.Frequency);
    }

    private static void WaitUntil(long due)
    {
        while (true)
        {
            var remainingUs = (due - Stopwatch.GetTimestamp()) * 1_000_000 / Stopwatch.Frequency;
            if (remainingUs <= 0) return;
            if (remainingUs > SpinMicroseconds) Sleep((uint)(remainingUs - SpinMicroseconds));
            else Thread.SpinWait(20);
        }
    }

    private static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    // Thread.Sleep and Task.Delay wake at millisecond granularity (often 1-2 ms late), as coarse as the gap between requests.
    [DllImport("libc", EntryPoint = "usleep")]
    private static extern int Sleep(uint microseconds);
}
