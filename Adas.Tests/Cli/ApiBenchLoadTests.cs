using System.Diagnostics;
using Adas.Worker.Cli;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Adas.Tests.Cli;

/// <summary>The pieces of <c>scripts/bench api</c>: the open-loop load against a real Kestrel, and CPU time by process.</summary>
public sealed class ApiBenchLoadTests
{
    [Fact]
    public async Task The_open_loop_load_sends_every_scheduled_request_and_times_each_from_its_due_time()
    {
        var served = 0;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var app = builder.Build();
        app.MapGet("/ok", () => Interlocked.Increment(ref served).ToString());
        app.MapGet("/missing", () => Results.NotFound());
        await app.StartAsync(TestContext.Current.CancellationToken);
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        var ok = await OpenLoopLoad.RunAsync(http, "/ok", rate: 200, seconds: 1);
        var missing = await OpenLoopLoad.RunAsync(http, "/missing", rate: 50, seconds: 1);

        Assert.Equal(200, served);
        Assert.Equal((200, 0), (ok.LatenciesMs.Length, ok.Errors));
        Assert.All(ok.LatenciesMs, latency => Assert.True(latency > 0));
        // Each latency counts from the due time, so it includes however late the sender was.
        Assert.All(ok.LatenciesMs.Zip(ok.SendLagMs), pair => Assert.True(pair.First >= pair.Second));
        // 200 requests at 200/s: the last is due 995 ms after the first.
        Assert.True(ok.ElapsedSeconds >= 0.995, $"elapsed {ok.ElapsedSeconds} s");
        Assert.Equal(50, missing.Errors);
    }

    [Fact]
    public void Cpu_time_is_summed_by_process_name_for_the_processes_marked_by_an_environment_variable()
    {
        var marker = $"ADAS_BENCH_TEST_MARKER={Guid.NewGuid():N}";
        var start = new ProcessStartInfo("sh", ["-c", "i=0; while [ $i -lt 200000 ]; do i=$((i+1)); done; exec sleep 30"]);
        start.Environment[marker.Split('=')[0]] = marker.Split('=')[1];
        using var busy = Process.Start(start)!;
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            Dictionary<string, double> byProcess;
            do byProcess = ProcessCpu.SecondsByProcessWith(marker);
            while (!byProcess.ContainsKey("sleep") && DateTime.UtcNow < deadline && !busy.HasExited);

            // The shell counted its loop before it became `sleep` (exec keeps the process and its CPU time).
            var (name, seconds) = Assert.Single(byProcess);
            Assert.Equal("sleep", name);
            Assert.True(seconds > 0, $"{seconds} s");
            Assert.Empty(ProcessCpu.SecondsByProcessWith($"ADAS_BENCH_TEST_MARKER={Guid.NewGuid():N}"));
        }
        finally
        {
            busy.Kill();
            busy.WaitForExit();
        }
    }
}
