using Adas.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Adas.Data.Configurations;

internal sealed class StoredVideoConfiguration : IEntityTypeConfiguration<StoredVideo>
{
    public void Configure(EntityTypeBuilder<StoredVideo> builder)
    {
        builder.ToTable("videos");
        builder.Property(v => v.Sha256).HasMaxLength(64);
        builder.HasIndex(v => v.Sha256).IsUnique();
        builder.Property(v => v.Container).HasMaxLength(16);
    }
}
