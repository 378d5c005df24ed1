using Adas.Data.Entities;
using Adas.Shared.Rules;

namespace Adas.Api.Features.Fleets.Rules;

/// <summary>One version of a fleet's rule settings; version 0 is the defaults (never changed).</summary>
public sealed record RuleSettingsDto(Guid FleetId, int Version, RuleSettings Settings, Guid? ChangedById, DateTime? ChangedAt)
{
    public static RuleSettingsDto From(FleetRuleSettings row) =>
        new(row.FleetId, row.Version, RuleSettingsJson.Deserialize(row.SettingsJson), row.ChangedById, row.ChangedAt);

    public static RuleSettingsDto Defaults(Guid fleetId) => new(fleetId, 0, RuleSettings.Defaults, null, null);
}
