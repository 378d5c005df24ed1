namespace Adas.Data.Entities;

/// <summary>
/// One version of a fleet's rule settings (<c>Adas.Shared.Rules.RuleSettings</c> as JSON). Rows are never changed:
/// a change adds the next version, so the table is also the audit trail of who changed what when.
/// </summary>
public sealed class FleetRuleSettings
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid FleetId { get; set; }
    public Fleet? Fleet { get; set; }
    public int Version { get; set; }
    public required string SettingsJson { get; set; }
    public Guid? ChangedById { get; set; }
    public User? ChangedBy { get; set; }
    public DateTime ChangedAt { get; set; } = DateTime.UtcNow;
}
