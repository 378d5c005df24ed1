using Adas.Api.Security;
using Adas.Data;
using Microsoft.EntityFrameworkCore;

namespace Adas.Api.Features.Fleets.Rules;

/// <summary>Who may see a fleet's rule settings (admins, the fleet's managers and viewers) and who may change them.</summary>
public static class FleetRuleAccess
{
    public static bool CanRead(CurrentUser user, Guid fleetId) =>
        user.CanManageFleet(fleetId) || (user.IsViewer && user.FleetId == fleetId);

    public static Task<bool> FleetExistsAsync(this AdasDbContext db, Guid fleetId, CancellationToken ct) =>
        db.Fleets.AnyAsync(f => f.Id == fleetId, ct);

    public static async Task<RuleSettingsDto> CurrentRuleSettingsAsync(this AdasDbContext db, Guid fleetId, CancellationToken ct) =>
        await db.FleetRuleSettings.AsNoTracking().Where(s => s.FleetId == fleetId).OrderByDescending(s => s.Version)
            .FirstOrDefaultAsync(ct) is { } row ? RuleSettingsDto.From(row) : RuleSettingsDto.Defaults(fleetId);
}
