using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Adas.Perception.Video;
using Adas.ServiceDefaults;

namespace Adas.Worker.Cli;

/// <summary>
/// Measures a running API from outside: upload throughput and API memory growth for a large upload (beside the
/// disk's own write speed), idle queue pickup latency, and GET /api/jobs/{id} latency at a fixed request rate
/// (beside /alive at the same rate, the framework's floor).
/// </summary>
public static class ApiBench
{
    public static async Task<int> RunAsync(CliArguments args)
    {
        var url = args.Require("url").TrimEnd('/');
        var uploadMb = args.GetInt("upload-mb", 1024);
        var rate = args.GetInt("rate", 500);
        var seconds = args.GetInt("seconds", 10);
        var warmup = args.GetInt("warmup-seconds", 5);
        var apiPid = args.Get("api-pid") is { } pid ? int.Parse(pid) : (int?)null;
        var systemMarker = args.Get("data-dir") is { } dataDir ? $"{EnvironmentVariables.DataDir}={dataDir}" : null;
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(30) };
        if (args.Get("email") is { } email)
        {
            var login = await http.PostAsJsonAsync("/api/auth/login", new { email, password = args.Require("password") });
            login.EnsureSuccessStatusCode();
            var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var scratch = Directory.CreateTempSubdirectory("adas-apibench-");
        try
        {
            await UploadAsync(http, scratch.FullName, uploadMb, apiPid);
            var jobId = await PickupAsync(http, scratch.FullName);
            if (systemMarker is not null) await SettleAsync(systemMarker);
            // A fresh process is still compiling its hot paths (tiered JIT) during the first seconds of load: the warm-up's
            // own figures are printed as well, and the measured run is the steady state after it.
            if (warmup > 0) await LatencyAsync(http, $"/api/jobs/{jobId}", "get_job_warmup", rate, warmup, apiPid, systemMarker);
            await LatencyAsync(http, $"/api/jobs/{jobId}", "get_job", rate, seconds, apiPid, systemMarker);
            if (warmup > 0) await LatencyAsync(http, "/alive", "alive_warmup", rate, warmup, apiPid, systemMarker);
            await LatencyAsync(http, "/alive", "alive", rate, seconds, apiPid, systemMarker);
            return 0;
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    private static async Task UploadAsync(HttpClient http, string scratch, int megabytes, int? apiPid)
    {
        var file = Path.Combine(scratch, "large.mp4");
        var diskClock = Stopwatch.StartNew();
        await using (var output = File.Create(file))
        {
            var block = new byte[1024 * 1024];
            Random.Shared.NextBytes(block);
            "\0\0\0\u0018ftypisom"u8.ToArray().CopyTo(block, 0);
            for (var i = 0; i < megabytes; i++) await output.WriteAsync(block);
            await output.FlushAsync();
            output.Flush(flushToDisk: true);
        }
        BenchCommand.Print("disk_write_mb_per_s", megabytes / diskClock.Elapsed.TotalSeconds);

        var rssBefore = apiPid is { } p ? ReadStatusKb(p, "VmRSS") / 1024.0 : double.NaN;
        var clock = Stopwatch.StartNew();
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent("dashcam"), "videoType");
        form.Add(new StreamContent(File.OpenRead(file), 1024 * 1024), "file", "large.mp4");
        using var response = await http.PostAsync("/api/jobs", form);
        var elapsed = clock.Elapsed.TotalSeconds;
        BenchCommand.Print("upload_mb", megabytes);
        BenchCommand.Print("upload_status", (int)response.StatusCode);
        BenchCommand.Print("upload_mb_per_s", megabytes / elapsed);
        if (apiPid is { } pid)
        {
            var rssAfter = ReadStatusKb(pid, "VmRSS") / 1024.0;
            BenchCommand.Print("api_rss_mb_before_upload", rssBefore);
            BenchCommand.Print("api_rss_mb_after_upload", rssAfter);
            BenchCommand.Print("api_rss_growth_mb", rssAfter - rssBefore);
        }
        if (response.IsSuccessStatusCode)
        {
            var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
            await http.DeleteAsync($"/api/jobs/{id}");
        }
    }

    private static async Task<string> PickupAsync(HttpClient http, string scratch)
    {
        var latencies = new List<double>();
        string? lastId = null;
        for (var i = 0; i < 5; i++)
        {
            var clip = Path.Combine(scratch, $"pickup{i}.mp4");
            await FfmpegCli.RunAsync(clip, "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25:duration=1",
                "-metadata", $"comment=pickup {i} {Guid.NewGuid()}", "-c:v", "libx264", "-pix_fmt", "yuv420p");
            using var form = new MultipartFormDataContent();
            form.Add(new StringContent("dashcam"), "videoType");
            form.Add(new StreamContent(File.OpenRead(clip)), "file", $"pickup{i}.mp4");
            using var response = await http.PostAsync("/api/jobs", form);
            response.EnsureSuccessStatusCode();
            var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
            JsonElement job;
            var deadline = DateTime.UtcNow.AddMinutes(1);
            do
            {
                await Task.Delay(200);
                job = await http.GetFromJsonAsync<JsonElement>($"/api/jobs/{id}");
            } while (job.GetProperty("status").GetString() is "queued" or "processing" && DateTime.UtcNow < deadline);
            if (job.GetProperty("startedAt").ValueKind == JsonValueKind.String)
                latencies.Add((job.GetProperty("startedAt").GetDateTime() - job.GetProperty("createdAt").GetDateTime()).TotalMilliseconds);
            lastId = id;
        }
        latencies.Sort();
        BenchCommand.Print("pickup_samples", latencies.Count);
        BenchCommand.Print("pickup_ms_p50", Percentile(latencies, 0.5));
        BenchCommand.Print("pickup_ms_max", latencies.LastOrDefault());
        return lastId!;
    }

    /// <summary>
    /// Waits (up to a minute) until the launched processes are idle: right after start-up the web app and the worker are
    /// still compiling and loading models, and the pickup jobs' files are still being written, which measured as the
    /// API's latency floor when the load began at once.
    /// </summary>
    private static async Task SettleAsync(string systemMarker)
    {
        const double IdleCpuShare = 0.05; // of one core, all the launched processes together
        var clock = Stopwatch.StartNew();
        var before = ProcessCpu.SecondsByProcessWith(systemMarker).Values.Sum();
        double share;
        do
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            var now = ProcessCpu.SecondsByProcessWith(systemMarker).Values.Sum();
            share = now - before;
            before = now;
        } while (share > IdleCpuShare && clock.Elapsed < TimeSpan.FromMinutes(1));
        BenchCommand.Print("settle_seconds", clock.Elapsed.TotalSeconds);
        BenchCommand.Print("settle_cpu_percent_of_core", share * 100);
    }

    private static async Task LatencyAsync(HttpClient http, string path, string name, int rate, int seconds, int? apiPid, string? systemMarker)
    {
        var total = rate * seconds;
        var apiCpuBefore = apiPid is { } api ? ProcessCpu.Seconds(api) : double.NaN;
        var systemCpuBefore = systemMarker is not null ? ProcessCpu.SecondsByProcessWith(systemMarker) : null;
        var clientCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var run = await OpenLoopLoad.RunAsync(http, path, rate, seconds);
        var clientCpu = Process.GetCurrentProcess().TotalProcessorTime - clientCpuBefore;
        var sorted = run.LatenciesMs.Order().ToList();
        var lags = run.SendLagMs.Order().ToList();
        BenchCommand.Print($"{name}_target_rps", rate);
        BenchCommand.Print($"{name}_achieved_rps", total / run.ElapsedSeconds);
        BenchCommand.Print($"{name}_errors", run.Errors);
        BenchCommand.Print($"{name}_ms_p50", Percentile(sorted, 0.5));
        BenchCommand.Print($"{name}_ms_p99", Percentile(sorted, 0.99));
        BenchCommand.Print($"{name}_ms_max", sorted[^1]);
        // How late the client itself sent (already inside the latencies above): the bench's own share of the floor.
        BenchCommand.Print($"{name}_send_lag_ms_p99", Percentile(lags, 0.99));
        // The bench client shares the machine's cores with the server it measures.
        BenchCommand.Print($"{name}_client_cpu_us_per_request", clientCpu.TotalMicroseconds / total);
        // CPU time per request is what the other engineers' load cannot inflate much (wall latency it does, 2-3x).
        if (apiPid is { } apiAfter) BenchCommand.Print($"{name}_api_cpu_us_per_request", (ProcessCpu.Seconds(apiAfter) - apiCpuBefore) * 1e6 / total);
        if (systemCpuBefore is not null)
        {
            var systemCpuAfter = ProcessCpu.SecondsByProcessWith(systemMarker!);
            BenchCommand.Print($"{name}_system_cpu_us_per_request", (systemCpuAfter.Values.Sum() - systemCpuBefore.Values.Sum()) * 1e6 / total);
            // Which of the launched processes the rest is: the dashboard ingesting telemetry, the worker, the web app, DCP...
            foreach (var (process, cpu) in systemCpuAfter.OrderBy(p => p.Key, StringComparer.Ordinal))
                BenchCommand.Print($"{name}_cpu_us_per_request_{process}", (cpu - systemCpuBefore.GetValueOrDefault(process)) * 1e6 / total);
        }
    }

    internal static double Percentile(IReadOnlyList<double> sorted, double q) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];

    private static long ReadStatusKb(int pid, string field) =>
        File.ReadLines($"/proc/{pid}/status").Where(l => l.StartsWith(field + ":"))
            .Select(l => long.Parse(l.Split(':', StringSplitOptions.TrimEntries)[1].Split(' ')[0])).FirstOrDefault();
}
