using Adas.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Adas.Data.Configurations;

internal sealed class TripConfiguration : IEntityTypeConfiguration<Trip>
{
    public void Configure(EntityTypeBuilder<Trip> builder)
    {
        builder.ToTable("trips");
        builder.HasIndex(t => new { t.DriverId, t.StartedAt });
        builder.HasIndex(t => new { t.VehicleId, t.StartedAt });
        builder.HasIndex(t => t.FleetId);
        builder.Property(t => t.Notes).HasMaxLength(2000);
        builder.HasOne(t => t.Vehicle).WithMany().HasForeignKey(t => t.VehicleId).OnDelete(DeleteBehavior.ClientSetNull);
        builder.HasOne(t => t.Driver).WithMany().HasForeignKey(t => t.DriverId).OnDelete(DeleteBehavior.ClientSetNull);
    }
}
