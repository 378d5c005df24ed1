using Adas.Api.Features.Users;
using Adas.Api.Security;
using Adas.Data;
using Adas.Data.Entities;

namespace Adas.Api.Features.Auth;

/// <summary>Creates an access token and a refresh token of the given family, saving the refresh token's hash.</summary>
public sealed class SessionIssuer(AdasDbContext db, TokenService tokens)
{
    public async Task<TokenResponse> IssueAsync(User user, Guid familyId, string? ip, CancellationToken ct)
    {
        var (access, expiresAt) = tokens.CreateAccessToken(user, familyId);
        var (refresh, row) = tokens.CreateRefreshToken(user.Id, familyId, ip);
        db.RefreshTokens.Add(row);
        await db.SaveChangesAsync(ct);
        return new TokenResponse(access, refresh, expiresAt, UserDto.From(user));
    }
}
