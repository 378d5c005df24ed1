using Adas.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Adas.Data.Configurations;

internal sealed class EventReviewConfiguration : IEntityTypeConfiguration<EventReview>
{
    public void Configure(EntityTypeBuilder<EventReview> builder)
    {
        builder.ToTable("event_reviews");
        builder.Property(r => r.Action).HasMaxLength(16);
        builder.Property(r => r.Note).HasMaxLength(2000);
        builder.HasIndex(r => new { r.EventId, r.At });
        builder.HasOne(r => r.Event).WithMany().HasForeignKey(r => r.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.ByUser).WithMany().HasForeignKey(r => r.ByUserId).OnDelete(DeleteBehavior.ClientSetNull);
    }
}
