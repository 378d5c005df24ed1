using Adas.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Adas.Data.Configurations;

internal sealed class VideoJobConfiguration : IEntityTypeConfiguration<VideoJob>
{
    public void Configure(EntityTypeBuilder<VideoJob> builder)
    {
        builder.ToTable("video_jobs");
        builder.HasIndex(j => new { j.Status, j.CreatedAt });
        builder.HasIndex(j => new { j.OwnerId, j.CreatedAt });
        builder.HasIndex(j => new { j.VideoId, j.VideoType, j.OwnerId });
        builder.HasIndex(j => j.TripId);
        builder.HasIndex(j => new { j.FleetId, j.CreatedAt });
        builder.Property(j => j.SummaryJson).HasMaxLength(int.MaxValue);
        builder.Property(j => j.ErrorMessage).HasMaxLength(2000);
        builder.HasOne(j => j.Video).WithMany().HasForeignKey(j => j.VideoId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(j => j.Owner).WithMany().HasForeignKey(j => j.OwnerId).OnDelete(DeleteBehavior.ClientSetNull);
        builder.HasOne(j => j.Trip).WithMany().HasForeignKey(j => j.TripId).OnDelete(DeleteBehavior.ClientSetNull);
        builder.HasOne(j => j.Vehicle).WithMany().HasForeignKey(j => j.VehicleId).OnDelete(DeleteBehavior.ClientSetNull);
    }
}
