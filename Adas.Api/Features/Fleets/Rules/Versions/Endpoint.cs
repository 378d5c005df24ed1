using Adas.Api.Security;
using Adas.Data;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;

namespace Adas.Api.Features.Fleets.Rules.Versions;

public sealed class Endpoint(AdasDbContext db) : Endpoint<FleetRoute, List<RuleSettingsDto>>
{
    public override void Configure()
    {
        Get("/fleets/{id:guid}/rules/versions");
        Roles(AppRoles.Admin, AppRoles.Manager, AppRoles.Viewer);
        Summary(s => s.Summary = "Every version of the fleet's rule settings, newest first: who changed what when (the audit trail)");
    }

    public override async Task HandleAsync(FleetRoute r, CancellationToken ct)
    {
        if (!FleetRuleAccess.CanRead(CurrentUser.From(User), r.Id) || !await db.FleetExistsAsync(r.Id, ct))
        {
            await Send.NotFoundAsync(ct);
            return;
        }
        var rows = await db.FleetRuleSettings.AsNoTracking().Where(s => s.FleetId == r.Id).OrderByDescending(s => s.Version).ToListAsync(ct);
        await Send.OkAsync([.. rows.Select(RuleSettingsDto.From)], ct);
    }
}
