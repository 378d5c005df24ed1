using Adas.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Adas.Data.Configurations;

internal sealed class TrafficSignConfiguration : IEntityTypeConfiguration<TrafficSign>
{
    public void Configure(EntityTypeBuilder<TrafficSign> builder)
    {
        builder.ToTable("traffic_signs");
        builder.HasIndex(s => new { s.JobId, s.FirstSeenSeconds });
        builder.HasOne(s => s.Job).WithMany().HasForeignKey(s => s.JobId).OnDelete(DeleteBehavior.Cascade);
    }
}
