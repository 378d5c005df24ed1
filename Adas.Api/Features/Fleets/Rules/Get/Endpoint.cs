using Adas.Api.Security;
using Adas.Data;
using FastEndpoints;

namespace Adas.Api.Features.Fleets.Rules.Get;

public sealed class Endpoint(AdasDbContext db) : Endpoint<FleetRoute, RuleSettingsDto>
{
    public override void Configure()
    {
        Get("/fleets/{id:guid}/rules");
        Roles(AppRoles.Admin, AppRoles.Manager, AppRoles.Viewer);
        Summary(s => s.Summary = "The fleet's current rule settings and their version (0: the defaults)");
    }

    public override async Task HandleAsync(FleetRoute r, CancellationToken ct)
    {
        if (!FleetRuleAccess.CanRead(CurrentUser.From(User), r.Id) || !await db.FleetExistsAsync(r.Id, ct))
        {
            await Send.NotFoundAsync(ct);
            return;
        }
        await Send.OkAsync(await db.CurrentRuleSettingsAsync(r.Id, ct), ct);
    }
}
