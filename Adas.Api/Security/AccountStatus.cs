using Adas.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Adas.Api.Security;

/// <summary>
/// Whether a token's account is still active with the role and fleet the token claims, cached briefly so a
/// deactivated, demoted or moved user loses access within <see cref="CacheFor"/> (at once when changed through the API).
/// </summary>
public sealed class AccountStatus(IMemoryCache cache)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    private sealed record Snapshot(bool IsActive, string Role, Guid? FleetId);

    public async Task<bool> StillMatchesAsync(CurrentUser user, AdasDbContext db, CancellationToken ct)
    {
        var snapshot = await cache.GetOrCreateAsync(Key(user.Id), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            var row = await db.Users.AsNoTracking().Where(u => u.Id == user.Id)
                .Select(u => new { u.IsActive, u.Role, u.FleetId }).FirstOrDefaultAsync(ct);
            return row is null ? null : new Snapshot(row.IsActive, row.Role.ToClaim(), row.FleetId);
        });
        return snapshot is { IsActive: true } && snapshot.Role == user.Role.ToClaim() && snapshot.FleetId == user.FleetId;
    }

    public void Forget(Guid userId) => cache.Remove(Key(userId));

    private static string Key(Guid userId) => $"account-status:{userId:N}";
}
