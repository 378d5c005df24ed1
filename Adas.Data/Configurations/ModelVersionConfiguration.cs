using Adas.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Adas.Data.Configurations;

internal sealed class ModelVersionConfiguration : IEntityTypeConfiguration<ModelVersion>
{
    public void Configure(EntityTypeBuilder<ModelVersion> builder)
    {
        builder.ToTable("model_versions");
        builder.Property(m => m.Version).HasMaxLength(64);
        builder.Property(m => m.Sha256).HasMaxLength(64);
        builder.HasIndex(m => new { m.Task, m.Version }).IsUnique();
        builder.HasIndex(m => new { m.Task, m.IsActive });
        builder.HasOne(m => m.UploadedBy).WithMany().HasForeignKey(m => m.UploadedById).OnDelete(DeleteBehavior.ClientSetNull);
    }
}
