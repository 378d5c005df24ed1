namespace Adas.Data.Entities;

public sealed class AlertHistory
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AlertId { get; set; }
    public required string Action { get; set; }
    public Guid? ByUserId { get; set; }
    public User? ByUser { get; set; }
    public string? Note { get; set; }
    public DateTime At { get; set; } = DateTime.UtcNow;
}
