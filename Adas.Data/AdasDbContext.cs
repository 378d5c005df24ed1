using Adas.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Adas.Data;

/// <summary>The one model; each provider has a subclass that owns its migration set.</summary>
public abstract class AdasDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Fleet> Fleets => Set<Fleet>();
    public DbSet<User> Users => Set<User>();
    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();
    public DbSet<Vehicle> Vehicles => Set<Vehicle>();
    public DbSet<Trip> Trips => Set<Trip>();
    public DbSet<StoredVideo> Videos => Set<StoredVideo>();
    public DbSet<VideoJob> VideoJobs => Set<VideoJob>();
    public DbSet<SafetyEvent> SafetyEvents => Set<SafetyEvent>();
    public DbSet<TrafficSign> TrafficSigns => Set<TrafficSign>();
    public DbSet<DriverState> DriverStates => Set<DriverState>();
    public DbSet<Alert> Alerts => Set<Alert>();
    public DbSet<AlertHistory> AlertHistory => Set<AlertHistory>();
    public DbSet<EventReview> EventReviews => Set<EventReview>();
    public DbSet<ModelVersion> ModelVersions => Set<ModelVersion>();
    public DbSet<JobDeletion> JobDeletions => Set<JobDeletion>();
    public DbSet<FleetRuleSettings> FleetRuleSettings => Set<FleetRuleSettings>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<string>().HaveMaxLength(512);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AdasDbContext).Assembly);
}
