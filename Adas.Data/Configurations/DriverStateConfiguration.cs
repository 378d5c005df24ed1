using Adas.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Adas.Data.Configurations;

internal sealed class DriverStateConfiguration : IEntityTypeConfiguration<DriverState>
{
    public void Configure(EntityTypeBuilder<DriverState> builder)
    {
        builder.ToTable("driver_states");
        builder.Property(s => s.State).HasMaxLength(32);
        builder.HasIndex(s => new { s.JobId, s.Second }).IsUnique();
        builder.HasOne(s => s.Job).WithMany().HasForeignKey(s => s.JobId).OnDelete(DeleteBehavior.Cascade);
    }
}
