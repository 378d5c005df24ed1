using Adas.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Adas.Data.Configurations;

internal sealed class AlertHistoryConfiguration : IEntityTypeConfiguration<AlertHistory>
{
    public void Configure(EntityTypeBuilder<AlertHistory> builder)
    {
        builder.ToTable("alert_history");
        builder.Property(h => h.Action).HasMaxLength(32);
        builder.HasIndex(h => new { h.AlertId, h.At });
        builder.HasOne(h => h.ByUser).WithMany().HasForeignKey(h => h.ByUserId).OnDelete(DeleteBehavior.ClientSetNull);
    }
}
