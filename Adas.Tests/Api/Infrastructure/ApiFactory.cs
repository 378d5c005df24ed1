extern alias api;

using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Adas.Data;
using Adas.Data.Entities;
using Adas.Data.Security;
using Adas.Perception.Events;
using Adas.ServiceDefaults;
using Adas.Tests.Infrastructure;
using Adas.Worker.Jobs;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Adas.Tests.Api.Infrastructure;

/// <summary>
/// The API in process against a real, migrated SQLite file in a temp folder, with helpers to create fleets and users
/// of each role, log them in and seed jobs, events and alerts.
/// </summary>
public sealed class ApiFactory : WebApplicationFactory<api::Program>, IAsyncLifetime
{
    public const string SigningKey = "tests-only-signing-key-0123456789-abcdefghijklmnopqrstuvwxyz-0123456789ab";
    public const string Issuer = "adas-api";
    public const string Audience = "adas-clients";
    public const string DefaultPassword = "Passw0rd-for-tests";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>The address <see cref="PeerAddress"/> header callers appear from (TestServer has no real peer address).</summary>
    public const string PeerHeader = "X-Test-Peer";
    /// <summary>The reverse proxy the API is configured to trust for X-Forwarded-For.</summary>
    public const string TrustedProxy = "10.9.9.9";

    private static readonly string DefaultPasswordHash = Passwords.Hash(new User { Email = "", DisplayName = "" }, DefaultPassword);

    public string DataDirectory { get; } = TestPaths.NewTempDirectory("adas-api");

    /// <summary>
    /// Redis for the job endpoints. The fleet endpoints never touch it, so by default this is an address nothing listens
    /// on (the connection is lazy and does not abort); job tests can point it at a real redis-server.
    /// </summary>
    public string RedisConnectionString { get; init; } = "127.0.0.1:1,abortConnect=false,connectTimeout=200";
    public string ConnectionString => $"Data Source={Path.Combine(DataDirectory, "adas.db")}";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:adasdb", ConnectionString);
        builder.UseSetting(EnvironmentVariables.DataDir, DataDirectory);
        builder.UseSetting(EnvironmentVariables.DbProvider, "Sqlite");
        builder.UseSetting("ConnectionStrings:redis", RedisConnectionString);
        builder.UseSetting("Jwt:SigningKey", SigningKey);
        builder.UseSetting("Auth:LoginRateLimit:AttemptsPerIp", "100000");
        builder.UseSetting("ForwardedHeaders:KnownProxies:0", TrustedProxy);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, PeerAddressStartupFilter>());
    }

    public async ValueTask InitializeAsync()
    {
        await using var db = new SqliteAdasDbContext(new DbContextOptionsBuilder<SqliteAdasDbContext>().UseSqlite(ConnectionString).Options);
        await db.Database.MigrateAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    public async Task WithDbAsync(Func<AdasDbContext, Task> action)
    {
        await using var scope = Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<AdasDbContext>());
    }

    public async Task<T> WithDbAsync<T>(Func<AdasDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<AdasDbContext>());
    }

    public Task<Fleet> CreateFleetAsync(string? name = null) => WithDbAsync(async db =>
    {
        var fleet = new Fleet { Name = name ?? $"fleet-{Guid.NewGuid():N}" };
        db.Fleets.Add(fleet);
        await db.SaveChangesAsync();
        return fleet;
    });

    /// <summary>A user straight in the database (password <see cref="DefaultPassword"/> unless given).</summary>
    public Task<TestUser> CreateUserAsync(UserRole role, Guid? fleetId = null, string? password = null) => WithDbAsync(async db =>
    {
        var user = new User
        {
            Email = $"{role.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}@tests.local",
            DisplayName = $"Test {role}",
            Role = role,
            FleetId = fleetId,
        };
        user.PasswordHash = password is null ? DefaultPasswordHash : Passwords.Hash(user, password);
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return new TestUser(user.Id, user.Email, password ?? DefaultPassword, role, fleetId);
    });

    public async Task<JsonObject> LoginResponseAsync(TestUser user)
    {
        using var anonymous = CreateClient();
        var response = await anonymous.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = user.Password }, Json);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Json))!;
    }

    /// <summary>A client that sends the user's access token.</summary>
    public async Task<HttpClient> LoginAsync(TestUser user)
    {
        var tokens = await LoginResponseAsync(user);
        return ClientWithToken(tokens["accessToken"]!.GetValue<string>());
    }

    public HttpClient ClientWithToken(string accessToken)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    /// <summary>Creates a user of the role (in the fleet) and returns them with a logged-in client.</summary>
    public async Task<(TestUser User, HttpClient Client)> SignInAsync(UserRole role, Guid? fleetId = null)
    {
        var user = await CreateUserAsync(role, fleetId);
        return (user, await LoginAsync(user));
    }

    public Task<Vehicle> CreateVehicleAsync(Guid? fleetId) => WithDbAsync(async db =>
    {
        var vehicle = new Vehicle { Name = $"truck-{Guid.NewGuid():N}"[..14], FleetId = fleetId };
        db.Vehicles.Add(vehicle);
        await db.SaveChangesAsync();
        return vehicle;
    });

    public Task<Trip> CreateTripAsync(Guid? driverId, Guid? fleetId, Guid? vehicleId = null, DateTime? startedAt = null,
        double hours = 1) => WithDbAsync(async db =>
    {
        var start = startedAt ?? DateTime.UtcNow.AddHours(-hours - 1);
        var trip = new Trip
        {
            DriverId = driverId, FleetId = fleetId, VehicleId = vehicleId, StartedAt = start, EndedAt = start.AddHours(hours),
            Status = TripStatus.Completed, DistanceKm = 80 * hours,
        };
        db.Trips.Add(trip);
        await db.SaveChangesAsync();
        return trip;
    });

    /// <summary>
    /// A completed job owned by the user (optionally on a trip), with a stored video of the given length; its fleet is
    /// fixed as the upload endpoint fixes it (the trip's, else the owner's).
    /// </summary>
    public Task<VideoJob> CreateJobAsync(Guid ownerId, Guid? tripId = null, double durationSeconds = 60) => WithDbAsync(async db =>
    {
        var trip = tripId is { } id ? await db.Trips.FindAsync(id) : null;
        var owner = await db.Users.FindAsync(ownerId);
        var sha256 = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()).PadRight(64, '0');
        var storagePath = Path.Combine(new DataPaths(DataDirectory).Videos, $"{sha256}.mp4");
        Directory.CreateDirectory(Path.GetDirectoryName(storagePath)!);
        await File.WriteAllBytesAsync(storagePath, new byte[1000]);
        var video = new StoredVideo
        {
            Sha256 = sha256, SizeBytes = 1000, StoragePath = storagePath, Container = "mp4", DurationSeconds = durationSeconds,
        };
        var job = new VideoJob
        {
            VideoId = video.Id, OwnerId = ownerId, TripId = tripId, VehicleId = trip?.VehicleId, FleetId = trip?.FleetId ?? owner?.FleetId,
            FileName = "clip.mp4", Status = JobStatus.Completed, VideoType = VideoType.Dashcam, Progress = 100,
        };
        db.Videos.Add(video);
        db.VideoJobs.Add(job);
        await db.SaveChangesAsync();
        return job;
    });

    /// <summary>
    /// An event on the job as the worker writes it (<see cref="ResultMapper"/>: attributed to the job's trip driver, else
    /// its owner; an alert when the worker's rule raises one), at the given time.
    /// </summary>
    public Task<(SafetyEvent Event, Alert? Alert)> CreateEventAsync(VideoJob job, string type = "forward_collision_warning",
        Severity severity = Severity.Warning, DateTime? occurredAt = null, Guid? driverId = null) => WithDbAsync(async db =>
    {
        var trip = job.TripId is { } tripId ? await db.Trips.FindAsync(tripId) : null;
        var found = new AnalysisEvent(type, (EventSeverity)(int)severity, StartSeconds: 1, EndSeconds: 3, PeakMetric: null, PeakValue: null);
        var safetyEvent = ResultMapper.ToEntity(found, job, driverId ?? trip?.DriverId ?? job.OwnerId, trip?.StartedAt ?? job.CreatedAt);
        safetyEvent.OccurredAt = occurredAt ?? trip?.StartedAt.AddMinutes(5) ?? DateTime.UtcNow;
        db.SafetyEvents.Add(safetyEvent);
        var alert = ResultMapper.RaisesAlert(safetyEvent) ? ResultMapper.ToAlert(safetyEvent, job) : null;
        if (alert is not null) db.Alerts.Add(alert);
        await db.SaveChangesAsync();
        return (safetyEvent, alert);
    });
}

public sealed record TestUser(Guid Id, string Email, string Password, UserRole Role, Guid? FleetId);

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFactory>
{
    public const string Name = "api";
}
