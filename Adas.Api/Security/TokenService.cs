using System.Security.Claims;
using System.Security.Cryptography;
using Adas.Data.Entities;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Adas.Api.Security;

/// <summary>Issues short-lived JWT access tokens and opaque refresh tokens (only their SHA-256 is stored).</summary>
public sealed class TokenService(SigningKey signingKey, IOptions<JwtOptions> options, TimeProvider clock)
{
    private readonly JsonWebTokenHandler _handler = new();
    private JwtOptions Options => options.Value;

    public (string Token, DateTime ExpiresAt) CreateAccessToken(User user, Guid sessionId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var expires = now.AddMinutes(Options.AccessTokenMinutes);
        var claims = new List<Claim>
        {
            new(AppClaims.Subject, user.Id.ToString()),
            new(AppClaims.Email, user.Email),
            new(AppClaims.Name, user.DisplayName),
            new(AppClaims.Role, user.Role.ToClaim()),
            new(AppClaims.SessionId, sessionId.ToString()),
            new(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
        };
        if (user.FleetId is { } fleet) claims.Add(new(AppClaims.FleetId, fleet.ToString()));

        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Options.Issuer,
            Audience = Options.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = expires,
            SigningCredentials = new SigningCredentials(signingKey.Key, SigningKey.Algorithm),
        });
        return (token, expires);
    }

    public (string Token, RefreshToken Row) CreateRefreshToken(Guid userId, Guid familyId, string? ip)
    {
        var token = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var row = new RefreshToken
        {
            UserId = userId,
            FamilyId = familyId,
            TokenHash = Hash(token),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            ExpiresAt = clock.GetUtcNow().UtcDateTime.AddDays(Options.RefreshTokenDays),
            CreatedByIp = ip,
        };
        return (token, row);
    }

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));
}
