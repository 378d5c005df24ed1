using System.Security.Claims;
using System.Text.Json;
using Adas.Api.Extensions;
using Adas.Api.Features.Alerts;
using Adas.Api.Security;
using Adas.Data;
using Microsoft.EntityFrameworkCore;

namespace Adas.Api.Features.Jobs.Live;

/// <summary>
/// Turns an alert id from the worker into the live message <c>{"type":"alert","alert":{...}}</c> (the alert as
/// <c>GET /api/alerts</c> lists it) when the connected user may see that alert, under the same rules as the list.
/// </summary>
public sealed class LiveAlertMessages(AdasDbContext db)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { ApiConventions.EnumConverter() } };

    public async Task<string?> ForAsync(ClaimsPrincipal user, string alertId, CancellationToken ct)
    {
        if (!Guid.TryParse(alertId, out var id)) return null;
        var alert = await db.Alerts.AsNoTracking().VisibleTo(CurrentUser.From(user)).FirstOrDefaultAsync(a => a.Id == id, ct);
        return alert is null ? null : JsonSerializer.Serialize(new LiveAlert(AlertDto.From(alert)), Json);
    }

    private sealed record LiveAlert(AlertDto Alert)
    {
        public string Type => "alert";
    }
}
