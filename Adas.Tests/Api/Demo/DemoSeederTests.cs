using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Adas.Data;
using Adas.Data.Entities;
using Adas.Data.Queue;
using Adas.Data.Seeding;
using Adas.ServiceDefaults;
using Adas.Tests.Api.Infrastructure;
using Adas.Tests.Infrastructure;
using Adas.Worker.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Adas.Tests.Api.Demo;

/// <summary>
/// The demo seed on a real SQLite file and a real Redis: the worker's reconciler queues the seeded jobs, the demo manager
/// signs in with the generated password and sees them; a second run seeds nothing.
/// </summary>
[Collection(RedisApiCollection.Name)]
public sealed class DemoSeederTests(RedisApiFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private ApiFactory Api => fixture.Api;

    [Fact]
    public async Task The_demo_fleet_is_seeded_once_with_queued_jobs_the_demo_manager_sees()
    {
        var firstJobs = await SeedAsync();

        Assert.Equal(2, firstJobs.Count);
        var reconciler = new QueueReconciler(Api.Services.GetRequiredService<IServiceScopeFactory>(), Api.Services.GetRequiredService<JobQueue>(),
            Options.Create(new JobOptions { ReconcileGrace = TimeSpan.Zero }), NullLogger<QueueReconciler>.Instance);
        await reconciler.ReconcileAsync(Ct);
        Assert.Superset(firstJobs.ToHashSet(), await Api.Services.GetRequiredService<JobQueue>().KnownJobIdsAsync());

        var accountsFile = Path.Combine(Api.DataDirectory, DemoSeeder.AccountsFileName);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(accountsFile));
        var accounts = (await File.ReadAllLinesAsync(accountsFile, Ct)).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(parts => parts[1], parts => parts[2]);
        Assert.Equal(DemoSeeder.DriverEmails.Append(DemoSeeder.ManagerEmail).Order(), accounts.Keys.Order());

        using var manager = await LoginAsync(DemoSeeder.ManagerEmail, accounts[DemoSeeder.ManagerEmail]);
        var jobs = (await manager.GetFromJsonAsync<JsonObject>("/api/jobs", Ct))!["items"]!.AsArray();
        Assert.Equal(firstJobs.Order(), jobs.Select(j => j!["id"]!.GetValue<Guid>()).Order());
        Assert.All(jobs, j => Assert.Equal("queued", j!["status"]!.GetValue<string>()));
        Assert.Equal(["dashcam", "in_cabin"], jobs.Select(j => j!["videoType"]!.GetValue<string>()).Order());
        var vehicles = (await manager.GetFromJsonAsync<JsonObject>("/api/vehicles", Ct))!["items"]!.AsArray();
        Assert.Equal(2, vehicles.Count);
        Assert.Equal(1, (await manager.GetFromJsonAsync<JsonObject>("/api/trips", Ct))!["total"]!.GetValue<int>());
        using var driver = await LoginAsync(DemoSeeder.DriverEmails[1], accounts[DemoSeeder.DriverEmails[1]]);
        var driverJob = Assert.Single((await driver.GetFromJsonAsync<JsonObject>("/api/jobs", Ct))!["items"]!.AsArray());
        Assert.Equal("in_cabin", driverJob!["videoType"]!.GetValue<string>());

        var counts = await CountsAsync();
        var streamBefore = (await Api.Services.GetRequiredService<JobQueue>().KnownJobIdsAsync()).Count;
        var accountsBefore = await File.ReadAllTextAsync(accountsFile, Ct);

        Assert.Empty(await SeedAsync());
        Assert.Equal(0, await reconciler.ReconcileAsync(Ct));
        Assert.Equal(counts, await CountsAsync());
        Assert.Equal(streamBefore, (await Api.Services.GetRequiredService<JobQueue>().KnownJobIdsAsync()).Count);
        Assert.Equal(accountsBefore, await File.ReadAllTextAsync(accountsFile, Ct));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("false", false)]
    [InlineData("true", true)]
    [InlineData("1", true)]
    public void Only_the_switch_asks_for_the_demo_fleet(string? value, bool requested)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [EnvironmentVariables.Demo] = value }).Build();

        Assert.Equal(requested, DemoSeeder.IsRequested(configuration));
    }

    private Task<IReadOnlyList<Guid>> SeedAsync() => Api.WithDbAsync(db =>
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [EnvironmentVariables.AssetsDir] = Path.Combine(TestPaths.RepositoryRoot, ".assets"),
        }).Build();
        return new DemoSeeder(db, new DataPaths(Api.DataDirectory), configuration, NullLogger<DemoSeeder>.Instance).SeedAsync(Ct);
    });

    private Task<(int Fleets, int Users, int Vehicles, int Trips, int Jobs, int Videos)> CountsAsync() => Api.WithDbAsync(async db =>
        (await db.Fleets.CountAsync(Ct), await db.Users.CountAsync(Ct), await db.Vehicles.CountAsync(Ct), await db.Trips.CountAsync(Ct),
            await db.VideoJobs.CountAsync(Ct), await db.Videos.CountAsync(Ct)));

    private async Task<HttpClient> LoginAsync(string email, string password) =>
        await Api.LoginAsync(new TestUser(Guid.Empty, email, password, UserRole.Viewer, null));
}
