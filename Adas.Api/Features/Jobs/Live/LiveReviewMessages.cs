using System.Security.Claims;
using System.Text.Json;
using Adas.Api.Extensions;
using Adas.Api.Security;
using Adas.Data;
using Adas.Data.Results;
using Microsoft.EntityFrameworkCore;

namespace Adas.Api.Features.Jobs.Live;

/// <summary>
/// Turns the ids of events whose review changed into the live message <c>{"type":"review","events":[...]}</c> (each
/// event as the event list shows it), keeping only the events the connected user may see.
/// </summary>
public sealed class LiveReviewMessages(AdasDbContext db)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { ApiConventions.EnumConverter() } };

    public async Task<string?> ForAsync(ClaimsPrincipal user, string eventIds, CancellationToken ct)
    {
        var ids = eventIds.Split(',').Select(text => Guid.TryParse(text, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).ToList();
        if (ids.Count == 0) return null;
        var events = await db.SafetyEvents.AsNoTracking().VisibleTo(CurrentUser.From(user)).Where(e => ids.Contains(e.Id)).ToListAsync(ct);
        return events.Count == 0 ? null : JsonSerializer.Serialize(new LiveReview([.. events.Select(SafetyEventView.From)]), Json);
    }

    private sealed record LiveReview(IReadOnlyList<SafetyEventView> Events)
    {
        public string Type => "review";
    }
}
