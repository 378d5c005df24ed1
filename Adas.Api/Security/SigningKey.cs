using Microsoft.IdentityModel.Tokens;

namespace Adas.Api.Security;

/// <summary>The one HS256 key both the token issuer and the bearer handler use.</summary>
public sealed record SigningKey(SymmetricSecurityKey Key)
{
    public const string Algorithm = SecurityAlgorithms.HmacSha256;
}
