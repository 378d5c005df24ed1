using Adas.Api.Security;
using Adas.Data;
using Adas.Data.Entities;
using Adas.Shared.Rules;
using FastEndpoints;

namespace Adas.Api.Features.Fleets.Rules.Update;

/// <summary>Saves the settings as the fleet's next version (the old ones stay as the audit trail); jobs analysed from now on use them.</summary>
public sealed class Endpoint(AdasDbContext db) : Endpoint<Request, RuleSettingsDto>
{
    public override void Configure()
    {
        Put("/fleets/{id:guid}/rules");
        Roles(AppRoles.Admin, AppRoles.Manager);
        Summary(s => s.Summary = "Change the fleet's rule settings (admins, the fleet's managers; each value within its range) as a new version");
    }

    public override async Task HandleAsync(Request r, CancellationToken ct)
    {
        var user = CurrentUser.From(User);
        if (!user.CanManageFleet(r.Id) || !await db.FleetExistsAsync(r.Id, ct))
        {
            await Send.NotFoundAsync(ct);
            return;
        }
        var current = await db.CurrentRuleSettingsAsync(r.Id, ct);
        var row = new FleetRuleSettings
        {
            FleetId = r.Id, Version = current.Version + 1, SettingsJson = RuleSettingsJson.Serialize(r.Settings), ChangedById = user.Id,
        };
        db.FleetRuleSettings.Add(row);
        await db.SaveChangesAsync(ct);
        await Send.OkAsync(RuleSettingsDto.From(row), ct);
    }
}
