using Adas.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Adas.Data.Configurations;

internal sealed class JobDeletionConfiguration : IEntityTypeConfiguration<JobDeletion>
{
    public void Configure(EntityTypeBuilder<JobDeletion> builder)
    {
        builder.ToTable("job_deletions");
        builder.Property(d => d.Sha256).HasMaxLength(64);
        builder.HasIndex(d => d.DeletedAt);
        builder.HasIndex(d => d.JobId);
    }
}
