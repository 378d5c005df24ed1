namespace Adas.Data.Entities;

/// <summary>One change to a safety event's review: a verdict (from -> to) or a driver's dispute comment.</summary>
public sealed class EventReview
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EventId { get; set; }
    public SafetyEvent? Event { get; set; }
    /// <summary><c>verdict</c> or <c>dispute</c>.</summary>
    public required string Action { get; set; }
    public ReviewState FromState { get; set; }
    public ReviewState ToState { get; set; }
    public DismissReason? DismissReason { get; set; }
    public string? Note { get; set; }
    public Guid? ByUserId { get; set; }
    public User? ByUser { get; set; }
    public DateTime At { get; set; } = DateTime.UtcNow;
}
