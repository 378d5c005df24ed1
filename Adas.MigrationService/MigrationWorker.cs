using System.Diagnostics;
using Adas.Data;
using Adas.Data.Seeding;
using Microsoft.EntityFrameworkCore;

namespace Adas.MigrationService;

/// <summary>Applies the configured provider's migrations, seeds the first admin (and the demo fleet when asked), then stops the host.</summary>
public sealed class MigrationWorker(IServiceProvider services, IHostApplicationLifetime lifetime, IConfiguration configuration,
    ILogger<MigrationWorker> logger) : BackgroundService
{
    public const string ActivitySourceName = "Adas.Migrations";
    private static readonly ActivitySource ActivitySource = new(ActivitySourceName);
    public const string LockWaitKey = "Migrations:LockWaitTimeout";

    /// <summary>How long to wait for another migrator of the same SQLite file before giving up with a message.</summary>
    private TimeSpan LockWait => configuration.GetValue(LockWaitKey, TimeSpan.FromSeconds(60));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var activity = ActivitySource.StartActivity("Migrating database", ActivityKind.Client);
        try
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AdasDbContext>();
            using var guard = db.Database.IsSqlite()
                ? await SqliteMigrationGuard.AcquireAsync(db.Database.GetConnectionString()!, LockWait, logger, stoppingToken)
                : null;
            await db.Database.MigrateAsync(stoppingToken);
            if (db.Database.IsSqlite())
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", stoppingToken);
            await scope.ServiceProvider.GetRequiredService<AdminSeeder>().SeedAsync(stoppingToken);
            if (DemoSeeder.IsRequested(configuration))
                await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(stoppingToken);
            logger.LogInformation("Database is up to date ({Provider})", db.Database.ProviderName);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            Environment.ExitCode = 1;
            logger.LogWarning("Migration stopped before it finished (the service was asked to stop)");
        }
        catch (Exception ex)
        {
            activity?.AddException(ex);
            // A BackgroundService that throws after an await would still let the host exit 0.
            Environment.ExitCode = 1;
            logger.LogCritical("Migration failed: {Reason}", ex.GetBaseException().Message);
            Console.Error.WriteLine($"Migration failed: {ex.GetBaseException().Message}");
        }
        lifetime.StopApplication();
    }
}
