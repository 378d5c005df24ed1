using Adas.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Adas.Data.Configurations;

internal sealed class VehicleConfiguration : IEntityTypeConfiguration<Vehicle>
{
    public void Configure(EntityTypeBuilder<Vehicle> builder)
    {
        builder.ToTable("vehicles");
        builder.HasIndex(v => v.Plate).IsUnique();
        builder.HasIndex(v => v.FleetId);
        builder.HasOne(v => v.Fleet).WithMany().HasForeignKey(v => v.FleetId).OnDelete(DeleteBehavior.ClientSetNull);
    }
}
