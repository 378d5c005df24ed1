using Adas.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Adas.Data.Configurations;

internal sealed class SafetyEventConfiguration : IEntityTypeConfiguration<SafetyEvent>
{
    public void Configure(EntityTypeBuilder<SafetyEvent> builder)
    {
        builder.ToTable("safety_events");
        builder.Property(e => e.Type).HasMaxLength(64);
        builder.Property(e => e.DetailsJson).HasMaxLength(int.MaxValue);
        builder.HasIndex(e => new { e.JobId, e.StartSeconds });
        builder.HasIndex(e => new { e.Type, e.OccurredAt });
        builder.HasIndex(e => new { e.DriverId, e.OccurredAt });
        builder.HasIndex(e => new { e.VehicleId, e.OccurredAt });
        builder.HasIndex(e => e.TripId);
        builder.HasIndex(e => new { e.FleetId, e.OccurredAt });
        // The inbox's default order (newest first) and its severity filter.
        builder.HasIndex(e => e.OccurredAt);
        builder.HasIndex(e => new { e.Severity, e.OccurredAt });
        builder.Property(e => e.ReviewNote).HasMaxLength(2000);
        builder.Property(e => e.CoachingNote).HasMaxLength(2000);
        // The review queue: a fleet's events in one state, oldest first.
        builder.HasIndex(e => new { e.FleetId, e.ReviewState, e.OccurredAt });
        builder.HasIndex(e => new { e.ReviewState, e.OccurredAt });
        builder.HasOne(e => e.Job).WithMany().HasForeignKey(e => e.JobId).OnDelete(DeleteBehavior.Cascade);
    }
}
