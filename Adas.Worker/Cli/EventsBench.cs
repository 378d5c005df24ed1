using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Adas.Data;
using Adas.Data.Entities;
using Adas.Data.Security;

namespace Adas.Worker.Cli;

/// <summary>
/// The dashboard's event reads and review writes with 10,000 events in the database: seeds a fleet (a manager, a driver,
/// ten jobs of 1,000 events each, alerts for the warnings and criticals) straight into the running system's database,
/// then, as the manager, times sequential calls of <c>/alive</c> (the floor), <c>GET /api/events</c> (first page;
/// filtered; the needs-review queue) and <c>GET /api/jobs/{id}/events</c>, and bulk verdicts on 500 events, printing
/// p50/p95 and, with <c>--api-pid</c>, the API's CPU milliseconds per call (robust to other load on the machine).
/// </summary>
public static class EventsBench
{
    private const int Jobs = 10;
    private const int EventsPerJob = 1000;
    private const int BulkSize = 500;
    private static readonly string[] Types = ["forward_collision_warning", "close_following", "lane_departure", "phone_use", "yawning", "drowsiness"];

    public static async Task<int> RunAsync(CliArguments args)
    {
        var url = args.Require("url").TrimEnd('/');
        var calls = args.GetInt("calls", 200);
        var apiPid = args.Get("api-pid") is { } pid ? int.Parse(pid, CultureInfo.InvariantCulture) : (int?)null;
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        await using var services = new ServiceCollection().AddAdasData(configuration).BuildServiceProvider();

        var (email, password, jobId, from, reviewable) = await SeedAsync(services);
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        var login = await http.PostAsJsonAsync("/api/auth/login", new { email, password });
        login.EnsureSuccessStatusCode();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());

        BenchCommand.Print("events_in_database", Jobs * EventsPerJob);
        await TimeAsync(http, "/alive", "alive", calls, apiPid);
        await TimeAsync(http, "/api/events?reviewState=needs_review&order=review&page=1&pageSize=50", "needs_review_page", calls, apiPid);
        await TimeAsync(http, "/api/events?page=1&pageSize=50", "events_page", calls, apiPid);
        await TimeAsync(http, $"/api/events?severity=warning&type=forward_collision_warning&from={from:yyyy-MM-ddTHH:mm:ssZ}&page=2&pageSize=20",
            "events_filtered", calls, apiPid);
        await TimeAsync(http, $"/api/jobs/{jobId}/events?page=1&pageSize=100", "job_events", calls, apiPid);
        await TimeAsync(http, "/api/events/export", "events_export_all", Math.Max(10, calls / 10), apiPid);
        await TimeBulkVerdictAsync(http, reviewable.Take(BulkSize).ToList(), Math.Max(10, calls / 10), apiPid);
        return 0;
    }

    private static async Task<(string Email, string Password, Guid JobId, DateTime From, List<Guid> Reviewable)> SeedAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AdasDbContext>();
        var fleet = new Fleet { Name = $"bench-{Guid.NewGuid():N}"[..14] };
        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(15));
        var manager = new User { Email = $"bench-manager-{Guid.NewGuid():N}@bench.local", DisplayName = "Bench manager", Role = UserRole.Manager, FleetId = fleet.Id };
        manager.PasswordHash = Passwords.Hash(manager, password);
        var driver = new User { Email = $"bench-driver-{Guid.NewGuid():N}@bench.local", DisplayName = "Bench driver", Role = UserRole.Driver, FleetId = fleet.Id };
        var vehicle = new Vehicle { Name = "bench truck", FleetId = fleet.Id };
        var start = DateTime.UtcNow.AddDays(-30);
        var trip = new Trip { DriverId = driver.Id, VehicleId = vehicle.Id, FleetId = fleet.Id, StartedAt = start, EndedAt = DateTime.UtcNow, Status = TripStatus.Completed };
        db.AddRange(fleet, manager, driver, vehicle, trip);
        var random = new Random(42);
        var firstJob = Guid.Empty;
        var reviewable = new List<Guid>();
        for (var j = 0; j < Jobs; j++)
        {
            var video = new StoredVideo { Sha256 = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)), StoragePath = "/nonexistent", Container = "mp4", DurationSeconds = 3600 };
            var job = new VideoJob
            {
                VideoId = video.Id, OwnerId = driver.Id, TripId = trip.Id, VehicleId = vehicle.Id, FleetId = fleet.Id, FileName = $"bench_{j}.mp4",
                Status = JobStatus.Completed, Progress = 100, CompletedAt = DateTime.UtcNow,
            };
            if (firstJob == Guid.Empty) firstJob = job.Id;
            db.AddRange(video, job);
            for (var i = 0; i < EventsPerJob; i++)
            {
                var second = i * 3600.0 / EventsPerJob;
                var severity = (Severity)random.Next(3);
                var e = new SafetyEvent
                {
                    JobId = job.Id, TripId = trip.Id, VehicleId = vehicle.Id, DriverId = driver.Id, FleetId = fleet.Id, Type = Types[random.Next(Types.Length)],
                    Severity = severity, ReviewState = SafetyEvent.InitialReviewState(severity), StartSeconds = second, EndSeconds = second + 2, OccurredAt = start.AddDays(j * 3).AddSeconds(second),
                    PeakMetric = "ttc_seconds", PeakValue = Math.Round(random.NextDouble() * 3, 3), DetailsJson = """{"ttcSource":"appearance"}""",
                };
                db.SafetyEvents.Add(e);
                if (e.ReviewState == ReviewState.NeedsReview) reviewable.Add(e.Id);
                if (e.Severity != Severity.Info)
                    db.Alerts.Add(new Alert { EventId = e.Id, JobId = job.Id, OwnerId = driver.Id, DriverId = driver.Id, VehicleId = vehicle.Id, FleetId = fleet.Id, Type = e.Type, Severity = e.Severity, Message = e.Type });
            }
        }
        await db.SaveChangesAsync();
        return (manager.Email, password, firstJob, start.AddDays(6), reviewable);
    }

    /// <summary>Sequential calls after a warm-up: wall time per call on loopback, and the API's CPU time per call.</summary>
    private static async Task TimeAsync(HttpClient http, string path, string name, int calls, int? apiPid)
    {
        for (var i = 0; i < 10; i++) await GetAsync(http, path);
        var cpuBefore = apiPid is { } pid ? CpuMilliseconds(pid) : 0;
        var latencies = new List<double>(calls);
        for (var i = 0; i < calls; i++)
        {
            var clock = Stopwatch.StartNew();
            await GetAsync(http, path);
            latencies.Add(clock.Elapsed.TotalMilliseconds);
        }
        latencies.Sort();
        BenchCommand.Print($"{name}_calls", calls);
        BenchCommand.Print($"{name}_ms_p50", ApiBench.Percentile(latencies, 0.5));
        BenchCommand.Print($"{name}_ms_p95", ApiBench.Percentile(latencies, 0.95));
        BenchCommand.Print($"{name}_ms_max", latencies[^1]);
        if (apiPid is { } api) BenchCommand.Print($"{name}_api_cpu_ms_per_call", (CpuMilliseconds(api) - cpuBefore) / calls);
    }

    /// <summary>One verdict on the same 500 events, alternately confirmed and dismissed, so every call changes all of them.</summary>
    private static async Task TimeBulkVerdictAsync(HttpClient http, List<Guid> ids, int calls, int? apiPid)
    {
        var cpuBefore = apiPid is { } pid ? CpuMilliseconds(pid) : 0;
        var latencies = new List<double>(calls);
        for (var i = 0; i < calls; i++)
        {
            object verdict = i % 2 == 0 ? new { ids, state = "confirmed" } : new { ids, state = "dismissed", dismissReason = "not_a_hazard" };
            var clock = Stopwatch.StartNew();
            using var response = await http.PutAsJsonAsync("/api/events/review", verdict);
            latencies.Add(clock.Elapsed.TotalMilliseconds);
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"bulk verdict answered {(int)response.StatusCode}");
        }
        latencies.Sort();
        BenchCommand.Print("bulk_verdict_events", ids.Count);
        BenchCommand.Print("bulk_verdict_calls", calls);
        BenchCommand.Print("bulk_verdict_ms_p50", ApiBench.Percentile(latencies, 0.5));
        BenchCommand.Print("bulk_verdict_ms_p95", ApiBench.Percentile(latencies, 0.95));
        if (apiPid is { } api) BenchCommand.Print("bulk_verdict_api_cpu_ms_per_call", (CpuMilliseconds(api) - cpuBefore) / calls);
    }

    private static async Task GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
        await response.Content.CopyToAsync(Stream.Null);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}");
    }

    /// <summary>User + system CPU time of a process, from /proc (clock ticks of 10 ms on Linux).</summary>
    private static double CpuMilliseconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * 10.0;
    }
}
