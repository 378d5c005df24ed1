using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Adas.Perception.Video;

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
        var apiPid = args.Get("api-pid") is { } pid ? int.Parse(pid) : (int?)null;
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
            await LatencyAsync(http, $"/api/jobs/{jobId}", "get_job", rate, seconds);
            await LatencyAsync(http, "/alive", "alive", rate, seconds);
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

    private static async Task LatencyAsync(HttpClient http, string path, string name, int rate, int seconds)
    {
        var total = rate * seconds;
        var latencies = new double[total];
        var errors = 0;
        var start = Stopwatch.GetTimestamp();
        var tasks = new List<Task>(total);
        for (var i = 0; i < total; i++)
        {
            var due = start + (long)(i * (double)Stopwatch.Frequency / rate);
            while (Stopwatch.GetTimestamp() < due)
            {
                var waitMs = (due - Stopwatch.GetTimestamp()) * 1000.0 / Stopwatch.Frequency;
                if (waitMs > 2) await Task.Delay((int)waitMs - 1); else Thread.SpinWait(50);
            }
            var index = i;
            tasks.Add(Task.Run(async () =>
            {
                // Latency counts from the scheduled time, so a stalled server cannot hide queueing (open loop).
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
                latencies[index] = (Stopwatch.GetTimestamp() - due) * 1000.0 / Stopwatch.Frequency;
            }));
        }
        await Task.WhenAll(tasks);
        var elapsed = (Stopwatch.GetTimestamp() - start) / (double)Stopwatch.Frequency;
        var sorted = latencies.Order().ToList();
        BenchCommand.Print($"{name}_target_rps", rate);
        BenchCommand.Print($"{name}_achieved_rps", total / elapsed);
        BenchCommand.Print($"{name}_errors", errors);
        BenchCommand.Print($"{name}_ms_p50", Percentile(sorted, 0.5));
        BenchCommand.Print($"{name}_ms_p99", Percentile(sorted, 0.99));
        BenchCommand.Print($"{name}_ms_max", sorted[^1]);
    }

    internal static double Percentile(IReadOnlyList<double> sorted, double q) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];

    private static long ReadStatusKb(int pid, string field) =>
        File.ReadLines($"/proc/{pid}/status").Where(l => l.StartsWith(field + ":"))
            .Select(l => long.Parse(l.Split(':', StringSplitOptions.TrimEntries)[1].Split(' ')[0])).FirstOrDefault();
}
