using Adas.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Adas.Data.Configurations;

internal sealed class FleetRuleSettingsConfiguration : IEntityTypeConfiguration<FleetRuleSettings>
{
    public void Configure(EntityTypeBuilder<FleetRuleSettings> builder)
    {
        builder.ToTable("fleet_rule_settings");
        builder.Property(s => s.SettingsJson).HasMaxLength(4000);
        builder.HasIndex(s => new { s.FleetId, s.Version }).IsUnique();
        builder.HasOne(s => s.Fleet).WithMany().HasForeignKey(s => s.FleetId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(s => s.ChangedBy).WithMany().HasForeignKey(s => s.ChangedById).OnDelete(DeleteBehavior.ClientSetNull);
    }
}
