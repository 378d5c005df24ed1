using System.Security.Cryptography;
using Adas.Data.Entities;
using Adas.Data.Security;
using Adas.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Adas.Data.Seeding;

/// <summary>
/// With <c>ADAS_DEMO=true</c> (<c>scripts/run --demo</c>), seeds once a demo fleet for a first look at the dashboard: a
/// manager, two drivers, two vehicles with their cameras, a trip, and the sample dashcam and in-cabin clips as queued jobs
/// of the drivers (the worker's reconciler puts them on the queue). The accounts' passwords are generated, written
/// owner-only to <c>DATA/demo-accounts.txt</c> and printed once. A second run finds the fleet and seeds nothing.
/// </summary>
public sealed class DemoSeeder(AdasDbContext db, DataPaths paths, IConfiguration configuration, ILogger<DemoSeeder> logger)
{
    public const string FleetName = "Demo fleet";
    public const string AccountsFileName = "demo-accounts.txt";
    public const string ManagerEmail = "manager@demo.adas.local";
    public static readonly string[] DriverEmails = ["driver1@demo.adas.local", "driver2@demo.adas.local"];

    /// <summary>
    /// The sample clips (under the assets folder) and who drove them; the in-cabin one first, since it is the one with
    /// warnings (drowsiness, phone use) to fill the inbox while the dashcam one runs.
    /// </summary>
    private static readonly (string Path, VideoType Type, int Driver)[] Samples =
    [
        ("media/dev/cabin/tired_driver_advert_640x360.mp4", VideoType.InCabin, 1),
        ("media/dashcam/highway_lanes_960x540.mp4", VideoType.Dashcam, 0),
    ];

    public static bool IsRequested(IConfiguration configuration) =>
        configuration[EnvironmentVariables.Demo]?.Trim().ToLowerInvariant() is "true" or "1" or "yes";

    /// <summary>Seeds the demo fleet unless it exists; answers the queued jobs' ids (empty when nothing was seeded).</summary>
    public async Task<IReadOnlyList<Guid>> SeedAsync(CancellationToken cancellationToken)
    {
        var emails = DriverEmails.Append(ManagerEmail).ToArray();
        if (await db.Fleets.AnyAsync(f => f.Name == FleetName, cancellationToken)
            || await db.Users.AnyAsync(u => emails.Contains(u.Email), cancellationToken))
        {
            logger.LogInformation("The demo fleet exists; nothing to seed");
            return [];
        }

        var fleet = new Fleet { Name = FleetName };
        var accounts = new List<(User User, string Password)>
        {
            NewUser(ManagerEmail, "Demo Manager", UserRole.Manager, fleet),
            NewUser(DriverEmails[0], "Dana Driver", UserRole.Driver, fleet),
            NewUser(DriverEmails[1], "Dev Driver", UserRole.Driver, fleet),
        };
        var drivers = accounts.Where(a => a.User.Role == UserRole.Driver).Select(a => a.User).ToArray();
        Vehicle[] vehicles =
        [
            new() { Name = "Demo truck", Plate = "DEMO-001", Make = "Volvo", Model = "FH", FleetId = fleet.Id, CameraHorizontalFovDegrees = 60, CameraMountHeightMeters = 1.3 },
            new() { Name = "Demo van", Plate = "DEMO-002", Make = "Ford", Model = "Transit", FleetId = fleet.Id, CameraHorizontalFovDegrees = 70, CameraMountHeightMeters = 1.5 },
        ];
        var now = DateTime.UtcNow;
        var trip = new Trip
        {
            DriverId = drivers[0].Id, VehicleId = vehicles[0].Id, FleetId = fleet.Id, Status = TripStatus.Completed,
            StartedAt = now.AddMinutes(-30), EndedAt = now.AddMinutes(-5), DistanceKm = 31.5, Notes = "Demo trip on the highway",
        };
        db.Fleets.Add(fleet);
        db.Users.AddRange(accounts.Select(a => a.User));
        db.Vehicles.AddRange(vehicles);
        db.Trips.Add(trip);

        var jobs = new List<VideoJob>();
        foreach (var (sample, type, driver) in Samples)
        {
            if (await StoreAsync(sample, cancellationToken) is not { } video) continue;
            var onTrip = driver == 0;
            jobs.Add(new VideoJob
            {
                VideoId = video.Id, OwnerId = drivers[driver].Id, TripId = onTrip ? trip.Id : null, VehicleId = vehicles[driver].Id,
                FleetId = fleet.Id, VideoType = type, FileName = Path.GetFileName(sample), Status = JobStatus.Queued,
            });
        }
        db.VideoJobs.AddRange(jobs);
        await db.SaveChangesAsync(cancellationToken);

        WriteAccounts(accounts);
        logger.LogInformation("Seeded the demo fleet: {Users} accounts, {Vehicles} vehicles, a trip and {Jobs} queued jobs",
            accounts.Count, vehicles.Length, jobs.Count);
        return [.. jobs.Select(j => j.Id)];
    }

    private static (User User, string Password) NewUser(string email, string name, UserRole role, Fleet fleet)
    {
        var user = new User { Email = email, DisplayName = name, Role = role, FleetId = fleet.Id };
        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('/', '_').Replace('+', '-');
        user.PasswordHash = Passwords.Hash(user, password);
        return (user, password);
    }

    /// <summary>Copies a sample clip into the video store (or reuses the stored copy of the same content).</summary>
    private async Task<StoredVideo?> StoreAsync(string sample, CancellationToken ct)
    {
        var assets = configuration[EnvironmentVariables.AssetsDir] is { Length: > 0 } dir ? dir : Path.Combine(Directory.GetCurrentDirectory(), ".assets");
        var source = Path.Combine(assets, sample);
        if (!File.Exists(source))
        {
            logger.LogWarning("Demo sample {Sample} is missing (run scripts/fetch-assets); no job for it", source);
            return null;
        }
        string sha256;
        await using (var stream = File.OpenRead(source))
            sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
        if (await db.Videos.FirstOrDefaultAsync(v => v.Sha256 == sha256, ct) is { } existing && File.Exists(existing.StoragePath))
            return existing;
        var target = Path.Combine(paths.Videos, sha256[..2], sha256 + Path.GetExtension(source).ToLowerInvariant());
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(source, target, overwrite: true);
        var video = new StoredVideo { Sha256 = sha256, SizeBytes = new FileInfo(target).Length, StoragePath = target, Container = "mp4" };
        db.Videos.Add(video);
        return video;
    }

    private void WriteAccounts(IEnumerable<(User User, string Password)> accounts)
    {
        var lines = accounts.Select(a => $"{a.User.Role.ToString().ToLowerInvariant(),-8} {a.User.Email}  {a.Password}").ToList();
        var file = Path.Combine(paths.Root, AccountsFileName);
        Directory.CreateDirectory(paths.Root);
        File.Delete(file); // left from a database that was since reset: its accounts are gone
        AdminSeeder.WriteOwnerOnly(file, string.Join('\n', lines) + '\n');
        Console.WriteLine($"Demo accounts (kept owner-only in {file}):");
        foreach (var line in lines) Console.WriteLine($"  {line}");
    }
}
